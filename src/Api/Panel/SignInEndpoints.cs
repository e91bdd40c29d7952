using System.Globalization;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Options;
using Platform.Write.Domain;
using Platform.Write.Identity;

namespace Platform.Api.Panel;

/// <summary>
/// GET/POST /panel/ingresar and POST /panel/salir: staff sign in with the same command, checks and throttle
/// as POST /api/auth/login, and the tokens go into the panel's cookies instead of a JSON body.
/// </summary>
internal static class SignInEndpoints
{
    public static RouteGroupBuilder MapPanelSignIn(this RouteGroupBuilder panel)
    {
        panel.MapGet("/ingresar", Form).WithName("PanelSignInPage");
        panel.MapPost("/ingresar", SignInAsync).WithName("PanelSignIn");
        panel.MapPost("/salir", SignOutAsync).WithName("PanelSignOut");
        return panel;
    }

    private static IResult Form(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true
            ? new PanelRedirect(PanelAddresses.Analytics)
            : Page(http, SignInState.Empty, StatusCodes.Status200OK);

    private static async Task<IResult> SignInAsync(
        HttpContext http, IValidator<LogIn> validator, IMediator mediator, IOptions<AuthSettings> settings, CancellationToken ct)
    {
        // Read by hand: the token is checked here, once, and a stale form gets a page rather than a problem in JSON.
        if (!http.Request.HasFormContentType || !await PanelAntiforgery.IsValidAsync(http)) return PanelAntiforgery.Expired();
        var form = await http.Request.ReadFormAsync(ct);
        var command = new LogIn(form["email"].ToString(), form["password"].ToString(),
            ClientInfo.Of(http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString()));

        var validation = await validator.ValidateAsync(command, ct);
        if (!validation.IsValid)
        {
            var errors = validation.Errors.GroupBy(e => e.PropertyName.ToLowerInvariant())
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
            return Page(http, new SignInState(command.Email, errors), StatusCodes.Status400BadRequest);
        }

        LoginOutcome outcome;
        try
        {
            outcome = await mediator.Send(command, ct);
        }
        catch (DomainException failed) when (failed.Kind == DomainErrorKind.Unauthenticated)
        {
            // The form is shown again with the one message every wrong address or password gets.
            return Page(http, Failed(command.Email, failed.Message), StatusCodes.Status401Unauthorized);
        }
        if (outcome.Tokens is not { } tokens)
        {
            var seconds = (long)Math.Ceiling((outcome.RetryAfter ?? TimeSpan.FromSeconds(1)).TotalSeconds);
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Page(http, Failed(command.Email, "Demasiados intentos de inicio de sesión. Espera unos minutos y vuelve a intentarlo."),
                StatusCodes.Status429TooManyRequests);
        }
        PanelCookies.Write(http, tokens, settings.Value.RefreshTokenLifetime);
        return new PanelRedirect(PanelAddresses.Analytics);
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, IMediator mediator, CancellationToken ct)
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            if (!http.Request.HasFormContentType || !await PanelAntiforgery.IsValidAsync(http)) return PanelAntiforgery.Expired();
            // Revokes the session itself: a copy of the cookie stops working too, not only this browser's.
            await mediator.Send(new LogOut(), ct);
        }
        PanelCookies.Delete(http);
        return new PanelRedirect(PanelAddresses.SignIn);
    }

    private static SignInState Failed(string email, string message) => new(email, new Dictionary<string, string[]> { [""] = [message] });

    private static PanelPage Page(HttpContext http, SignInState state, int status) =>
        new(SignInPage.Render(state, PanelAntiforgery.Token(http)), status);
}

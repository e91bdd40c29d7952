using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Http;
using Platform.Write.Identity;

namespace Platform.Api.Auth;

/// <summary>/api/auth: register, sign in, refresh, sign out, password reset, sessions.</summary>
internal static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");
        auth.MapPost("/register", Register).Sends<RegisterTenant>()
            .Produces<Registration>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("Register").WithSummary("Registers a business (tenant) and its owner, and signs the owner in.");
        auth.MapPost("/login", LogIn).Sends<LogIn>()
            .Produces<SessionTokens>().ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithName("LogIn").WithSummary("Signs in with email and password; answers an access and a refresh token.");
        auth.MapPost("/refresh-token", Refresh).Sends<RefreshSession>()
            .Produces<SessionTokens>().ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithName("RefreshToken").WithSummary("Trades a refresh token for a new pair; a reused refresh token ends the session.");
        auth.MapPost("/logout", LogOut).Sends<LogOut>()
            .Produces(StatusCodes.Status204NoContent)
            .WithName("LogOut").WithSummary("Ends the current session; its access and refresh tokens stop working.");
        auth.MapPost("/forgot-password", ForgotPassword).Sends<ForgotPassword>()
            .Produces<PasswordResetRequested>(StatusCodes.Status202Accepted)
            .WithName("ForgotPassword").WithSummary("Sends a password reset link to an active account; answers the same for any address.");
        auth.MapPost("/reset-password", ResetPassword).Sends<ResetPassword>()
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("ResetPassword").WithSummary("Sets a new password with a reset token and ends every session of the account.");
        auth.MapSessionEndpoints();
        return app;
    }

    private static async Task<Created<Registration>> Register(RegisterBody body, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var registration = await mediator.Send(new RegisterTenant(
            body.Name ?? "", body.Slug ?? "", body.Country ?? "", body.TimeZone ?? "", body.Currency ?? "", body.Industry ?? "",
            body.DisplayName ?? "", body.Email ?? "", body.Password ?? "", Client(http)), ct);
        return TypedResults.Created((string?)null, registration);
    }

    private static async Task<Results<Ok<SessionTokens>, ProblemHttpResult>> LogIn(
        LoginBody body, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var outcome = await mediator.Send(new LogIn(body.Email ?? "", body.Password ?? "", Client(http)), ct);
        if (outcome.Tokens is { } tokens) return TypedResults.Ok(tokens);

        var seconds = (long)Math.Ceiling((outcome.RetryAfter ?? TimeSpan.FromSeconds(1)).TotalSeconds);
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        // The wait goes in Retry-After only: the body is the same for every throttled address.
        return TypedResults.Problem(Problems.Status(StatusCodes.Status429TooManyRequests, "too-many-sign-in-attempts",
            "Demasiados intentos de inicio de sesión. Espera unos minutos y vuelve a intentarlo."));
    }

    private static async Task<Ok<SessionTokens>> Refresh(RefreshTokenBody body, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new RefreshSession(body.RefreshToken ?? ""), ct));

    private static async Task<NoContent> LogOut(IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new LogOut(), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Accepted<PasswordResetRequested>> ForgotPassword(ForgotPasswordBody body, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new ForgotPassword(body.Email ?? ""), ct);
        return TypedResults.Accepted((string?)null, PasswordResetRequested.Instance);
    }

    private static async Task<NoContent> ResetPassword(ResetPasswordBody body, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new ResetPassword(body.Token ?? "", body.NewPassword ?? ""), ct);
        return TypedResults.NoContent();
    }

    private static ClientInfo Client(HttpContext http) =>
        ClientInfo.Of(http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString());
}

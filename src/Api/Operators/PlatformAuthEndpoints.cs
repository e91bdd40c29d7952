using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Auth;
using Platform.Api.Http;
using Platform.Write.Identity;
using Platform.Write.Operators;

namespace Platform.Api.Operators;

/// <summary>/api/platform/auth: an operator's sign-in, refresh and sign-out; the same token pair as /api/auth, with no tenant.</summary>
internal static class PlatformAuthEndpoints
{
    public static RouteGroupBuilder MapPlatformAuthEndpoints(this RouteGroupBuilder platform)
    {
        platform.MapPost("/auth/sign-in", SignInAsync).Sends<SignInOperator>()
            .Produces<SessionTokens>().ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithName("SignInOperator").WithSummary("Signs a platform operator in; answers an access and a refresh token (role platform-admin, no tenant).");
        platform.MapPost("/auth/refresh", RefreshAsync).Sends<RefreshOperatorSession>()
            .Produces<SessionTokens>().ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithName("RefreshOperatorSession").WithSummary("Trades an operator's refresh token for a new pair; a reused one ends the session.");
        platform.MapPost("/auth/sign-out", SignOutAsync).Sends<SignOutOperator>()
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("SignOutOperator").WithSummary("Ends the operator's current session.");
        return platform;
    }

    private static async Task<Results<Ok<SessionTokens>, ProblemHttpResult>> SignInAsync(
        LoginBody body, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var client = ClientInfo.Of(http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString());
        var outcome = await mediator.Send(new SignInOperator(body.Email ?? "", body.Password ?? "", client), ct);
        if (outcome.Tokens is { } tokens) return TypedResults.Ok(tokens);

        var seconds = (long)Math.Ceiling((outcome.RetryAfter ?? TimeSpan.FromSeconds(1)).TotalSeconds);
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(Problems.Status(StatusCodes.Status429TooManyRequests, "too-many-sign-in-attempts",
            "Demasiados intentos de inicio de sesión. Espera unos minutos y vuelve a intentarlo."));
    }

    private static async Task<Ok<SessionTokens>> RefreshAsync(RefreshTokenBody body, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new RefreshOperatorSession(body.RefreshToken ?? ""), ct));

    private static async Task<NoContent> SignOutAsync(IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new SignOutOperator(), ct);
        return TypedResults.NoContent();
    }
}

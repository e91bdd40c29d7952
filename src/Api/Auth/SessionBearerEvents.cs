using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Platform.Read.Identity;

namespace Platform.Api.Auth;

/// <summary>
/// Authenticates every bearer request against the database, inside the bearer handler, so a
/// session that no longer stands fails authentication (401) rather than reaching authorization as
/// an anonymous success (which would be 403). The token must open with our keys and be unexpired,
/// as the handler itself would check; then the session must be neither revoked nor expired, its
/// user active with the password it had. The role becomes the one held now, and tenant_active is set.
/// </summary>
internal sealed class SessionBearerEvents(SessionStatusQuery sessions, OperatorSessionCheck operators, TimeProvider time) : BearerTokenEvents
{
    private const string Prefix = "Bearer ";

    public override async Task MessageReceivedAsync(MessageReceivedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.Request.Headers.Authorization.ToString();
        // Pages cannot send a header: under /panel (and only there) the staff pages' cookie carries the token.
        var token = header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            ? header[Prefix.Length..].Trim()
            : Panel.PanelCookies.AccessToken(context.Request);
        if (token is null) return;

        var ticket = context.Options.BearerTokenProtector.Unprotect(token);
        if (ticket?.Properties.ExpiresUtc is not { } expires || expires <= time.GetUtcNow())
        {
            context.Fail("The access token is not valid or has expired.");
            return;
        }
        if (await operators.TryAuthenticateAsync(context, ticket)) return;
        var principal = ticket.Principal;
        var status = Guid.TryParse(principal.FindFirstValue(PlatformClaims.TenantId), out var tenant)
                     && Guid.TryParse(principal.FindFirstValue(PlatformClaims.UserId), out var user)
                     && Guid.TryParse(principal.FindFirstValue(PlatformClaims.SessionId), out var session)
            ? await sessions.CheckAsync(tenant, user, session, context.HttpContext.RequestAborted)
            : null;
        if (status is null)
        {
            context.Fail("The session has ended.");
            return;
        }
        context.Principal = Current(principal, status);
        context.Properties = ticket.Properties;
        context.Success();
    }

    private static ClaimsPrincipal Current(ClaimsPrincipal principal, SessionStatus status)
    {
        var claims = principal.Claims
            .Where(c => c.Type is not (ClaimTypes.Role or PlatformClaims.TenantActive))
            .Select(c => new Claim(c.Type, c.Value))
            .Append(new Claim(ClaimTypes.Role, status.Role))
            .Append(new Claim(PlatformClaims.TenantActive, status.TenantActive ? "true" : "false"));
        return new ClaimsPrincipal(new ClaimsIdentity(
            claims, principal.Identity?.AuthenticationType ?? BearerTokenDefaults.AuthenticationScheme, PlatformClaims.UserId, ClaimTypes.Role));
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Platform.Read.Identity;

namespace Platform.Api.Auth;

/// <summary>
/// Runs after every successful bearer authentication: the session must still stand in the
/// database (not revoked or expired, user active, password unchanged). The role becomes the one
/// the user holds now and tenant_active is set; a session that no longer stands leaves the request
/// unauthenticated, so it answers 401.
/// </summary>
internal sealed class SessionClaimsTransformation(SessionStatusQuery sessions) : IClaimsTransformation
{
    private static readonly ClaimsPrincipal Nobody = new(new ClaimsIdentity());

    // Authentication may run more than once in a request; the database is asked once.
    private ClaimsPrincipal? checkedFor;
    private ClaimsPrincipal? result;

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true) return principal;
        if (ReferenceEquals(principal, checkedFor) && result is not null) return result;

        var status = Guid.TryParse(principal.FindFirstValue(PlatformClaims.TenantId), out var tenant)
                     && Guid.TryParse(principal.FindFirstValue(PlatformClaims.UserId), out var user)
                     && Guid.TryParse(principal.FindFirstValue(PlatformClaims.SessionId), out var session)
            ? await sessions.CheckAsync(tenant, user, session)
            : null;
        (checkedFor, result) = (principal, status is null ? Nobody : Current(principal, status));
        return result;
    }

    private static ClaimsPrincipal Current(ClaimsPrincipal principal, SessionStatus status)
    {
        var claims = principal.Claims
            .Where(c => c.Type is not (ClaimTypes.Role or PlatformClaims.TenantActive))
            .Select(c => new Claim(c.Type, c.Value))
            .Append(new Claim(ClaimTypes.Role, status.Role))
            .Append(new Claim(PlatformClaims.TenantActive, status.TenantActive ? "true" : "false"));
        var identity = principal.Identity!;
        return new ClaimsPrincipal(new ClaimsIdentity(claims, identity.AuthenticationType, PlatformClaims.UserId, ClaimTypes.Role));
    }
}

using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;
using Platform.Write.Identity;

namespace Platform.Api.Auth;

/// <summary>
/// Issues the token pair the bearer token handler would, with our claims, and reads refresh
/// tokens with its refresh protector. Tokens carry who and which session; the role they carry is
/// replaced on every request by the one the database holds.
/// </summary>
internal sealed class BearerSessionTokens(IOptionsMonitor<BearerTokenOptions> options, TimeProvider time) : ISessionTokens
{
    private const string Scheme = BearerTokenDefaults.AuthenticationScheme;

    private BearerTokenOptions Bearer => options.Get(Scheme);

    public SessionTokens Issue(SignedIn session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var bearer = Bearer;
        var now = time.GetUtcNow();
        var principal = Principal(session);
        var access = new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = now + bearer.BearerTokenExpiration }, Scheme);
        var refresh = new AuthenticationTicket(
            principal, new AuthenticationProperties { ExpiresUtc = now + bearer.RefreshTokenExpiration }, $"{Scheme}:RefreshToken");
        return new SessionTokens("Bearer", bearer.BearerTokenProtector.Protect(access), (long)bearer.BearerTokenExpiration.TotalSeconds,
            bearer.RefreshTokenProtector.Protect(refresh));
    }

    public RefreshTicket? ReadRefreshToken(string refreshToken)
    {
        // Unprotect answers null for anything not made by our keys, altered by one bit, or made for another purpose.
        var ticket = Bearer.RefreshTokenProtector.Unprotect(refreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || expires <= time.GetUtcNow()) return null;
        var user = ticket.Principal;
        return Guid.TryParse(user.FindFirstValue(PlatformClaims.TenantId), out var tenant)
               && Guid.TryParse(user.FindFirstValue(PlatformClaims.UserId), out var userId)
               && Guid.TryParse(user.FindFirstValue(PlatformClaims.SessionId), out var sessionId)
               && int.TryParse(user.FindFirstValue(PlatformClaims.RefreshGeneration), NumberStyles.None, CultureInfo.InvariantCulture, out var generation)
            ? new RefreshTicket(tenant, userId, sessionId, generation)
            : null;
    }

    private static ClaimsPrincipal Principal(SignedIn session) => new(new ClaimsIdentity(
    [
        new Claim(PlatformClaims.UserId, session.UserId.ToString("D")),
        new Claim(PlatformClaims.TenantId, session.TenantId.ToString("D")),
        new Claim(PlatformClaims.SessionId, session.SessionId.ToString("D")),
        new Claim(PlatformClaims.RefreshGeneration, session.Generation.ToString(CultureInfo.InvariantCulture)),
        new Claim(ClaimTypes.Role, session.Role),
    ], Scheme, PlatformClaims.UserId, ClaimTypes.Role));
}

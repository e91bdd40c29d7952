using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;
using Platform.Write.Identity;
using Platform.Write.Operators;
using Platform.Write.Tenancy;

namespace Platform.Api.Auth;

/// <summary>
/// Operator tokens with the bearer handler's own protectors: sub is the operator, sid the session,
/// the role platform-admin, and there is no tenant_id claim. Refresh tokens of tenants' users are
/// refused here, as operators' are refused by <see cref="BearerSessionTokens"/>.
/// </summary>
internal sealed class OperatorBearerTokens(IOptionsMonitor<BearerTokenOptions> options, TimeProvider time) : IOperatorTokens
{
    private const string Scheme = BearerTokenDefaults.AuthenticationScheme;

    private BearerTokenOptions Bearer => options.Get(Scheme);

    public SessionTokens Issue(OperatorSignedIn session)
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

    public OperatorRefreshTicket? ReadRefreshToken(string refreshToken)
    {
        var ticket = Bearer.RefreshTokenProtector.Unprotect(refreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || expires <= time.GetUtcNow()) return null;
        var user = ticket.Principal;
        return OperatorSessionCheck.Operator(user) is { } signedIn
               && int.TryParse(user.FindFirstValue(PlatformClaims.RefreshGeneration), NumberStyles.None, CultureInfo.InvariantCulture, out var generation)
            ? new OperatorRefreshTicket(signedIn.OperatorId, signedIn.SessionId, generation)
            : null;
    }

    private static ClaimsPrincipal Principal(OperatorSignedIn session) => new(new ClaimsIdentity(
    [
        new Claim(PlatformClaims.UserId, session.OperatorId.ToString("D")),
        new Claim(PlatformClaims.SessionId, session.SessionId.ToString("D")),
        new Claim(PlatformClaims.RefreshGeneration, session.Generation.ToString(CultureInfo.InvariantCulture)),
        new Claim(ClaimTypes.Role, Roles.PlatformAdmin),
    ], Scheme, PlatformClaims.UserId, ClaimTypes.Role));
}

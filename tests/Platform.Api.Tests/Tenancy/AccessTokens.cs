using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Api.Auth;

namespace Platform.Api.Tests.Tenancy;

/// <summary>
/// Until sign-in (POST /api/auth/login) is on this branch, HTTP tests get an access token the way
/// the host's bearer handler reads one: a ticket with the platform's claims, protected by the
/// host's own Data Protection keys, with a sessions row behind it.
/// </summary>
public static class AccessTokens
{
    public static async Task<HttpClient> ClientForAsync(this TenancyApp app, Member member)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(member);
        var session = Guid.CreateVersion7();
        await app.ExecuteAsync("""
            insert into sessions (tenant_id, session_id, user_id, security_stamp, created_at, refreshed_at, expires_at)
            select tenant_id, $2, user_id, security_stamp, now(), now(), now() + interval '1 hour'
              from users where tenant_id = $1 and user_id = $3
            """, member.TenantId, session, member.UserId);
        var identity = new ClaimsIdentity(
            [
                new Claim(PlatformClaims.TenantId, member.TenantId.ToString("D")),
                new Claim(PlatformClaims.UserId, member.UserId.ToString("D")),
                new Claim(PlatformClaims.SessionId, session.ToString("D")),
                new Claim(PlatformClaims.RefreshGeneration, "1"),
                new Claim(ClaimTypes.Role, member.Role),
            ],
            BearerTokenDefaults.AuthenticationScheme);
        var options = app.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(BearerTokenDefaults.AuthenticationScheme);
        var ticket = new AuthenticationTicket(
            new ClaimsPrincipal(identity), new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddHours(1) },
            BearerTokenDefaults.AuthenticationScheme);
        var client = new HttpClient { BaseAddress = app.Http.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.BearerTokenProtector.Protect(ticket));
        return client;
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Npgsql;
using Platform.Write.Operators;
using Platform.Write.Tenancy;

namespace Platform.Api.Auth;

/// <summary>
/// The per-request check of a platform operator's token: no tenant claim, the platform-admin role,
/// and a session that still stands in platform_operator_sessions (unrevoked, unexpired, operator
/// active with the same security stamp). A tenant's token is never taken for an operator's.
/// </summary>
internal sealed class OperatorSessionCheck(NpgsqlDataSource system, TimeProvider time)
{
    /// <summary>The operator and session a principal stands for, or null when it is not an operator's.</summary>
    public static (Guid OperatorId, Guid SessionId)? Operator(ClaimsPrincipal principal) =>
        principal.FindFirst(PlatformClaims.TenantId) is null
        && principal.FindFirstValue(ClaimTypes.Role) == Roles.PlatformAdmin
        && Guid.TryParse(principal.FindFirstValue(PlatformClaims.UserId), out var operatorId)
        && Guid.TryParse(principal.FindFirstValue(PlatformClaims.SessionId), out var sessionId)
            ? (operatorId, sessionId)
            : null;

    /// <summary>False when the ticket is not an operator's; otherwise decides the authentication and answers true.</summary>
    public async Task<bool> TryAuthenticateAsync(MessageReceivedContext context, AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(ticket);
        if (Operator(ticket.Principal) is not { } signedIn) return false;
        if (!await OperatorSessions.StandsAsync(system, signedIn.OperatorId, signedIn.SessionId, time.GetUtcNow(), context.HttpContext.RequestAborted))
        {
            context.Fail("The session has ended.");
            return true;
        }
        context.Principal = ticket.Principal;
        context.Properties = ticket.Properties;
        context.Success();
        return true;
    }
}

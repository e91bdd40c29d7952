using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.Tenancy;

namespace Platform.Write.Identity;

/// <summary>Ends the caller's own session: its access and refresh tokens stop working at once.</summary>
[Authorize]
[AllowInactiveTenant]
public sealed record LogOut : IRequest<Unit>;

public sealed class LogOutHandler(TenantDatabase database, CommandContext context, TimeProvider time) : IRequestHandler<LogOut, Unit>
{
    public async Task<Unit> Handle(LogOut request, CancellationToken cancellationToken)
    {
        if (context.SessionId is not { } session) return Unit.Value;
        await SessionRows.RevokeAsync(database, context.Tenant, context.User, session, "logout", time.GetUtcNow(), cancellationToken);
        return Unit.Value;
    }
}

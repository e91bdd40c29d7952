using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.Tenancy;

namespace Platform.Write.Identity;

/// <summary>Ends one of the caller's own sessions (a lost phone). Another user's session answers 404, like a missing one.</summary>
[Authorize]
public sealed record RevokeSession(Guid SessionId) : IRequest<Unit>;

public sealed class RevokeSessionHandler(TenantDatabase database, CommandContext context, TimeProvider time) : IRequestHandler<RevokeSession, Unit>
{
    public async Task<Unit> Handle(RevokeSession request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await SessionRows.RevokeAsync(
            database, context.Tenant, context.User, request.SessionId, "revoked", time.GetUtcNow(), cancellationToken);
        return found ? Unit.Value : throw IdentityErrors.SessionNotFound();
    }
}

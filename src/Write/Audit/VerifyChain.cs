using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.Tenancy;

namespace Platform.Write.Audit;

/// <summary>Walks the caller's tenant's chain and reports the first broken link (see <see cref="ChainVerifier"/>).</summary>
[Authorize(Roles = AuditRoles.Readers)]
public sealed record VerifyChain : IRequest<ChainReport>;

public sealed class VerifyChainHandler(CommandContext context, TenantDatabase database) : IRequestHandler<VerifyChain, ChainReport>
{
    public Task<ChainReport> Handle(VerifyChain request, CancellationToken cancellationToken) =>
        ChainVerifier.VerifyAsync(database.DataSource, context.Tenant, ct: cancellationToken);
}

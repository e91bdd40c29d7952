using Microsoft.AspNetCore.Authorization;
using MediatR;
using Platform.Write.EventStore;

namespace Platform.Write.Tenancy;

/// <summary>Opens a deactivated tenant again; one of the few requests a deactivated tenant may send.</summary>
[Authorize(Roles = "owner")]
[AllowInactiveTenant]
public sealed record ReactivateTenant : IRequest<long>;

public sealed class ReactivateTenantHandler(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time)
    : TenantCommandHandler<ReactivateTenant>(context, database, append, serializer, time)
{
    protected override Task<Tenant.Command> DecisionAsync(ReactivateTenant request, TenantTransaction tx, CancellationToken ct) =>
        Task.FromResult<Tenant.Command>(new Tenant.Reactivate());
}

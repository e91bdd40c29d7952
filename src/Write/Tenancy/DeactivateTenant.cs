using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using MediatR;
using Platform.Write.EventStore;

namespace Platform.Write.Tenancy;

/// <summary>
/// Closes the tenant: its users keep their sessions, but every request except reading the tenant
/// and reactivating it answers 403 tenant-deactivated until an owner reactivates it.
/// </summary>
[Authorize(Roles = "owner")]
public sealed record DeactivateTenant(string Reason) : IRequest<long>;

public sealed class DeactivateTenantValidator : AbstractValidator<DeactivateTenant>
{
    public DeactivateTenantValidator() => RuleFor(c => c.Reason).Reason();
}

public sealed class DeactivateTenantHandler(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time)
    : TenantCommandHandler<DeactivateTenant>(context, database, append, serializer, time)
{
    protected override Task<Tenant.Command> DecisionAsync(DeactivateTenant request, TenantTransaction tx, CancellationToken ct) =>
        Task.FromResult<Tenant.Command>(new Tenant.Deactivate(request.Reason.Trim()));
}

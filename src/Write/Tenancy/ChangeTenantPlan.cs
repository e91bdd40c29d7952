using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using MediatR;
using Platform.Write.EventStore;

namespace Platform.Write.Tenancy;

/// <summary>Moves the tenant to another plan; a plan smaller than what the tenant holds is refused.</summary>
[Authorize(Roles = "owner")]
public sealed record ChangeTenantPlan(string Plan) : IRequest<long>;

public sealed class ChangeTenantPlanValidator : AbstractValidator<ChangeTenantPlan>
{
    public ChangeTenantPlanValidator() =>
        RuleFor(c => c.Plan).Must(Plans.IsKnown).WithMessage($"Debe ser uno de: {string.Join(", ", Plans.All.Select(p => p.Name))}.");
}

public sealed class ChangeTenantPlanHandler(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time)
    : TenantCommandHandler<ChangeTenantPlan>(context, database, append, serializer, time)
{
    // An invitation running at the same time must not slip past the smaller plan's seat limit.
    protected override bool LocksMembership => true;

    protected override async Task<Tenant.Command> DecisionAsync(ChangeTenantPlan request, TenantTransaction tx, CancellationToken ct) =>
        new Tenant.ChangePlan(request.Plan, await Membership.UsageAsync(tx, ct));
}

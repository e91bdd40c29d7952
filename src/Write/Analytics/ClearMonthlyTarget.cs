using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Analytics;

/// <summary>The month (YYYY-MM) no longer has a target; clearing a month without one changes nothing.</summary>
[Authorize(Roles = "owner,admin")]
public sealed record ClearMonthlyTarget(string Month, long? ExpectedVersion = null) : MediatR.IRequest<SalesTargetChanged>;

public sealed class ClearMonthlyTargetValidator : AbstractValidator<ClearMonthlyTarget>
{
    public ClearMonthlyTargetValidator() => RuleFor(c => c.Month).TargetMonth();
}

public sealed class ClearMonthlyTargetHandler(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time)
    : SalesTargetCommandHandler<ClearMonthlyTarget>(context, database, append, serializer, time)
{
    protected override string MonthOf(ClearMonthlyTarget request) => request.Month;

    protected override long? ExpectedVersionOf(ClearMonthlyTarget request) => request.ExpectedVersion;

    protected override Task<SalesTargets.Command> DecisionAsync(TenantTransaction tx, ClearMonthlyTarget request, CancellationToken ct) =>
        Task.FromResult<SalesTargets.Command>(new SalesTargets.ClearTarget(request.Month));
}

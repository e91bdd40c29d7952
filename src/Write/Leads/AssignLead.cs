using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Leads;

/// <summary>Gives the lead to a salesperson by hand (<paramref name="UserId"/>), or to the next one in the rotation (<paramref name="RoundRobin"/>).</summary>
[Authorize(Roles = "owner,admin,sales")]
public sealed record AssignLead(Guid LeadId, Guid? UserId, bool RoundRobin, long? ExpectedVersion = null) : ILeadChange;

public sealed class AssignLeadValidator : AbstractValidator<AssignLead>
{
    public AssignLeadValidator()
    {
        RuleFor(c => c.UserId).NotNull().When(c => !c.RoundRobin).WithMessage("Indica el usuario o pide roundRobin.");
        RuleFor(c => c.UserId).Null().When(c => c.RoundRobin).WithMessage("Con roundRobin no se indica usuario.");
        RuleFor(c => c.UserId).NotEqual(Guid.Empty).WithMessage("No es un usuario.");
    }
}

public sealed class AssignLeadHandler(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time)
    : LeadCommandHandler<AssignLead>(context, database, append, serializer, time)
{
    private Guid? rotated;

    protected override async Task<Lead.Command> DecisionAsync(TenantTransaction tx, AssignLead request, LeadState state, CancellationToken ct)
    {
        if (request.UserId is { } user)
        {
            await RoundRobin.EnsureAssignableAsync(tx, user, ct);
            return new Lead.Assign(user, AssignmentKinds.Manual);
        }
        rotated = await RoundRobin.NextAsync(tx, ct)
            ?? throw new Domain.DomainException("no-sales-users", "La empresa no tiene usuarios de ventas activos para repartir prospectos.");
        return new Lead.Assign(rotated.Value, AssignmentKinds.RoundRobin);
    }

    protected override Task AfterAppendAsync(
        TenantTransaction tx, AssignLead request, IReadOnlyList<object> decided, IReadOnlyList<AppendResult> results, CancellationToken ct) =>
        rotated is { } next ? RoundRobin.SaveAsync(tx, next, Time.GetUtcNow(), ct) : Task.CompletedTask;
}

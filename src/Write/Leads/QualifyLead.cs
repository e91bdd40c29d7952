using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Leads;

[Authorize(Roles = "owner,admin,sales")]
public sealed record QualifyLead(Guid LeadId, long? ExpectedVersion = null) : ILeadChange;

/// <summary>The lead is not a buyer (wrong number, just looking, spam); the reason is kept.</summary>
[Authorize(Roles = "owner,admin,sales")]
public sealed record DisqualifyLead(Guid LeadId, string? Reason, long? ExpectedVersion = null) : ILeadChange;

public sealed class DisqualifyLeadValidator : AbstractValidator<DisqualifyLead>
{
    public DisqualifyLeadValidator()
    {
        RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Es obligatorio.")
            .MaximumLength(500).WithMessage("Debe tener como máximo 500 caracteres.");
    }
}

public sealed class QualifyLeadHandler(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time)
    : LeadCommandHandler<QualifyLead>(context, database, append, serializer, time)
{
    protected override Task<Lead.Command> DecisionAsync(TenantTransaction tx, QualifyLead request, LeadState state, CancellationToken ct) =>
        Task.FromResult<Lead.Command>(new Lead.Qualify(Context.UserId));
}

public sealed class DisqualifyLeadHandler(
    CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer, TimeProvider time)
    : LeadCommandHandler<DisqualifyLead>(context, database, append, serializer, time)
{
    protected override Task<Lead.Command> DecisionAsync(TenantTransaction tx, DisqualifyLead request, LeadState state, CancellationToken ct) =>
        Task.FromResult<Lead.Command>(new Lead.Disqualify(request.Reason!.Trim(), Context.UserId));
}

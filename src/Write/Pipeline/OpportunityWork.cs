using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Pipeline;

[Authorize(Roles = "owner,admin,sales")]
public sealed record AddOpportunityNote(Guid OpportunityId, string Text) : MediatR.IRequest<OpportunityChanged>;

/// <summary>A call, meeting, e-mail, visit, message or task due at <paramref name="DueAt"/>; assigned to the opportunity's owner by default.</summary>
[Authorize(Roles = "owner,admin,sales")]
public sealed record ScheduleActivity(Guid OpportunityId, string Type, string Subject, DateTimeOffset DueAt, Guid? AssigneeId)
    : MediatR.IRequest<OpportunityChanged>;

/// <summary>Marks an activity done; its assignee may do so too, even on someone else's opportunity.</summary>
[Authorize(Roles = "owner,admin,sales")]
public sealed record CompleteActivity(Guid OpportunityId, Guid ActivityId) : MediatR.IRequest<OpportunityChanged>;

public sealed class AddOpportunityNoteValidator : AbstractValidator<AddOpportunityNote>
{
    public const int MaxLength = 4000;

    public AddOpportunityNoteValidator() =>
        RuleFor(c => c.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Escribe la nota.")
            .MaximumLength(MaxLength).WithMessage($"Usa como máximo {MaxLength} caracteres.");
}

public sealed class ScheduleActivityValidator : AbstractValidator<ScheduleActivity>
{
    public static IReadOnlyList<string> Types { get; } = ["call", "meeting", "email", "visit", "message", "task"];

    public ScheduleActivityValidator()
    {
        RuleFor(c => c.Type).Must(t => Types.Contains(t)).WithMessage($"Debe ser uno de: {string.Join(", ", Types)}.");
        RuleFor(c => c.Subject).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("Escribe el asunto.")
            .MaximumLength(200).WithMessage("Usa como máximo 200 caracteres.");
        RuleFor(c => c.DueAt).Must(d => d.Year is >= 2000 and <= 2200).WithMessage("Escribe una fecha y hora, por ejemplo 2026-05-04T15:00:00-05:00.");
        RuleFor(c => c.AssigneeId).Must(a => a != Guid.Empty).WithMessage("No es un usuario.");
    }
}

public sealed class AddOpportunityNoteHandler(CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer)
    : OpportunityCommandHandler<AddOpportunityNote>(context, database, append, serializer)
{
    private readonly Guid _noteId = Guid.CreateVersion7();

    protected override Guid OpportunityIdOf(AddOpportunityNote request) => request.OpportunityId;

    protected override long? ExpectedVersionOf(AddOpportunityNote request) => null;

    protected override Guid? ItemIdOf(AddOpportunityNote request) => _noteId;

    protected override Task<Opportunity.Command> DecisionAsync(
        TenantTransaction tx, AddOpportunityNote request, OpportunityState state, PipelineState pipeline, CancellationToken ct) =>
        Task.FromResult<Opportunity.Command>(new Opportunity.AddNote(_noteId, request.Text.Trim(), Context.User));
}

public sealed class ScheduleActivityHandler(CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer)
    : OpportunityCommandHandler<ScheduleActivity>(context, database, append, serializer)
{
    private readonly Guid _activityId = Guid.CreateVersion7();

    protected override Guid OpportunityIdOf(ScheduleActivity request) => request.OpportunityId;

    protected override long? ExpectedVersionOf(ScheduleActivity request) => null;

    protected override Guid? ItemIdOf(ScheduleActivity request) => _activityId;

    protected override async Task<Opportunity.Command> DecisionAsync(
        TenantTransaction tx, ScheduleActivity request, OpportunityState state, PipelineState pipeline, CancellationToken ct)
    {
        var assignee = request.AssigneeId ?? state.OwnerId;
        if (assignee != state.OwnerId) await OpportunityChecks.EnsureSellerAsync(tx, assignee, "assigneeId", ct);
        return new Opportunity.ScheduleActivity(_activityId, request.Type, request.Subject.Trim(), request.DueAt.ToUniversalTime(), assignee);
    }
}

public sealed class CompleteActivityHandler(CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer)
    : OpportunityCommandHandler<CompleteActivity>(context, database, append, serializer)
{
    protected override Guid OpportunityIdOf(CompleteActivity request) => request.OpportunityId;

    protected override long? ExpectedVersionOf(CompleteActivity request) => null;

    protected override Guid? ItemIdOf(CompleteActivity request) => request.ActivityId;

    protected override bool MayActAsSales(OpportunityState state, CompleteActivity request, Guid user) =>
        state.OwnerId == user || state.Activity(request.ActivityId)?.AssigneeId == user;

    protected override Task<Opportunity.Command> DecisionAsync(
        TenantTransaction tx, CompleteActivity request, OpportunityState state, PipelineState pipeline, CancellationToken ct) =>
        Task.FromResult<Opportunity.Command>(new Opportunity.CompleteActivity(request.ActivityId));
}

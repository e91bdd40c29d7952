using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Pipeline;

/// <summary>Moves an open opportunity to another open stage of its pipeline; won and lost are reached by winning or losing.</summary>
[Authorize(Roles = "owner,admin,sales")]
public sealed record MoveOpportunity(Guid OpportunityId, Guid StageId, long? ExpectedVersion = null) : MediatR.IRequest<OpportunityChanged>;

public sealed class MoveOpportunityValidator : AbstractValidator<MoveOpportunity>
{
    public MoveOpportunityValidator() => RuleFor(c => c.StageId).NotEmpty().WithMessage("Es obligatorio.");
}

public sealed class MoveOpportunityHandler(CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer)
    : OpportunityCommandHandler<MoveOpportunity>(context, database, append, serializer)
{
    protected override Guid OpportunityIdOf(MoveOpportunity request) => request.OpportunityId;

    protected override long? ExpectedVersionOf(MoveOpportunity request) => request.ExpectedVersion;

    protected override Task<Opportunity.Command> DecisionAsync(
        TenantTransaction tx, MoveOpportunity request, OpportunityState state, PipelineState pipeline, CancellationToken ct) =>
        Task.FromResult<Opportunity.Command>(new Opportunity.Move(pipeline, request.StageId));
}

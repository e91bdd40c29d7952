using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Pipeline;

/// <summary>Adds an open stage at <paramref name="Order"/> (1 is first), or right before the won and lost stages.</summary>
[Authorize(Roles = "owner,admin")]
public sealed record AddPipelineStage(
    Guid PipelineId, string Name, int Probability, string Color, int? ExpectedDays, int? RottingDays, int? Order, long? ExpectedVersion = null)
    : MediatR.IRequest<PipelineChanged>, IStageFields;

/// <summary>Changes a stage's name, probability, color, expected days and rotting days.</summary>
[Authorize(Roles = "owner,admin")]
public sealed record ChangePipelineStage(
    Guid PipelineId, Guid StageId, string Name, int Probability, string Color, int? ExpectedDays, int? RottingDays, long? ExpectedVersion = null)
    : MediatR.IRequest<PipelineChanged>, IStageFields;

/// <summary>Every stage of the pipeline, in the new order.</summary>
[Authorize(Roles = "owner,admin")]
public sealed record ReorderPipelineStages(Guid PipelineId, IReadOnlyList<Guid> StageIds, long? ExpectedVersion = null) : MediatR.IRequest<PipelineChanged>;

/// <summary>Removes an open stage that holds no open opportunity.</summary>
[Authorize(Roles = "owner,admin")]
public sealed record RemovePipelineStage(Guid PipelineId, Guid StageId, long? ExpectedVersion = null) : MediatR.IRequest<PipelineChanged>;

public sealed class AddPipelineStageValidator : AbstractValidator<AddPipelineStage>
{
    public AddPipelineStageValidator()
    {
        Include(new StageFieldsValidator<AddPipelineStage>());
        RuleFor(c => c.Order).InclusiveBetween(1, SalesPipeline.MaxStages).WithMessage($"El orden va de 1 a {SalesPipeline.MaxStages}.");
    }
}

public sealed class ChangePipelineStageValidator : AbstractValidator<ChangePipelineStage>
{
    public ChangePipelineStageValidator() => Include(new StageFieldsValidator<ChangePipelineStage>());
}

public sealed class ReorderPipelineStagesValidator : AbstractValidator<ReorderPipelineStages>
{
    public ReorderPipelineStagesValidator() =>
        RuleFor(c => c.StageIds).NotNull().WithMessage("Es obligatorio.")
            .Must(ids => ids is null || ids.Count <= SalesPipeline.MaxStages).WithMessage($"Hasta {SalesPipeline.MaxStages} etapas.");
}

public sealed class AddPipelineStageHandler(CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer)
    : PipelineCommandHandler<AddPipelineStage>(context, database, append, serializer)
{
    private readonly Guid _stageId = Guid.CreateVersion7();

    protected override Guid PipelineIdOf(AddPipelineStage request) => request.PipelineId;

    protected override long? ExpectedVersionOf(AddPipelineStage request) => request.ExpectedVersion;

    protected override Guid? StageIdOf(AddPipelineStage request) => _stageId;

    protected override Task<IEnumerable<SalesPipeline.Command>> DecisionsAsync(
        TenantTransaction tx, AddPipelineStage request, PipelineState state, CancellationToken ct) =>
        Task.FromResult<IEnumerable<SalesPipeline.Command>>([new SalesPipeline.AddStage(StageInput.Of(request).ToStage(_stageId), request.Order)]);
}

public sealed class ChangePipelineStageHandler(CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer)
    : PipelineCommandHandler<ChangePipelineStage>(context, database, append, serializer)
{
    protected override Guid PipelineIdOf(ChangePipelineStage request) => request.PipelineId;

    protected override long? ExpectedVersionOf(ChangePipelineStage request) => request.ExpectedVersion;

    protected override Guid? StageIdOf(ChangePipelineStage request) => request.StageId;

    protected override Task<IEnumerable<SalesPipeline.Command>> DecisionsAsync(
        TenantTransaction tx, ChangePipelineStage request, PipelineState state, CancellationToken ct) =>
        Task.FromResult<IEnumerable<SalesPipeline.Command>>([new SalesPipeline.ChangeStage(StageInput.Of(request).ToStage(request.StageId))]);
}

public sealed class ReorderPipelineStagesHandler(CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer)
    : PipelineCommandHandler<ReorderPipelineStages>(context, database, append, serializer)
{
    protected override Guid PipelineIdOf(ReorderPipelineStages request) => request.PipelineId;

    protected override long? ExpectedVersionOf(ReorderPipelineStages request) => request.ExpectedVersion;

    protected override Task<IEnumerable<SalesPipeline.Command>> DecisionsAsync(
        TenantTransaction tx, ReorderPipelineStages request, PipelineState state, CancellationToken ct) =>
        Task.FromResult<IEnumerable<SalesPipeline.Command>>([new SalesPipeline.ReorderStages(request.StageIds)]);
}

public sealed class RemovePipelineStageHandler(CommandContext context, TenantDatabase database, TransactionalAppend append, EventSerializer serializer)
    : PipelineCommandHandler<RemovePipelineStage>(context, database, append, serializer)
{
    protected override bool CountsOpportunities => true;

    protected override Guid PipelineIdOf(RemovePipelineStage request) => request.PipelineId;

    protected override long? ExpectedVersionOf(RemovePipelineStage request) => request.ExpectedVersion;

    protected override async Task<IEnumerable<SalesPipeline.Command>> DecisionsAsync(
        TenantTransaction tx, RemovePipelineStage request, PipelineState state, CancellationToken ct) =>
        [new SalesPipeline.RemoveStage(request.StageId, await OpportunityRows.OpenInStageAsync(tx, state.PipelineId, request.StageId, ct))];
}

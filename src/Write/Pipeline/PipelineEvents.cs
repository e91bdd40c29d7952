using Platform.Write.EventStore;

namespace Platform.Write.Pipeline;

public enum StageKind { Open, Won, Lost }

/// <summary>
/// One column of a pipeline. <paramref name="Probability"/> (0..100) weighs its opportunities' value;
/// <paramref name="RottingDays"/>: idle days after which an opportunity in it is flagged (null: never).
/// </summary>
public sealed record PipelineStage(
    Guid StageId, string Name, StageKind Kind, int Probability, string Color, int? ExpectedDays, int? RottingDays);

/// <summary>Stages in their order: the first is order 1.</summary>
public sealed record PipelineCreated(Guid PipelineId, string Name, IReadOnlyList<PipelineStage> Stages);

public sealed record PipelineRenamed(Guid PipelineId, string Name);

public sealed record PipelineArchived(Guid PipelineId);

/// <summary>The stage takes order <paramref name="Order"/>; the stages from there on move one down.</summary>
public sealed record PipelineStageAdded(Guid PipelineId, PipelineStage Stage, int Order);

/// <summary>Name, probability, color, expected and rotting days; a stage's kind and order do not change here.</summary>
public sealed record PipelineStageChanged(Guid PipelineId, PipelineStage Stage);

/// <summary>Every stage of the pipeline, in its new order.</summary>
public sealed record PipelineStagesReordered(Guid PipelineId, IReadOnlyList<Guid> StageIds);

public sealed record PipelineStageRemoved(Guid PipelineId, Guid StageId);

/// <summary>The reasons a tenant's sales team may give for a lost opportunity, as the whole list.</summary>
public sealed record LostReasonsChanged(IReadOnlyList<string> Reasons);

public static class PipelineEvents
{
    public const string PipelineCreatedName = "pipeline.pipeline-created.v1";
    public const string PipelineRenamedName = "pipeline.pipeline-renamed.v1";
    public const string PipelineArchivedName = "pipeline.pipeline-archived.v1";
    public const string StageAddedName = "pipeline.stage-added.v1";
    public const string StageChangedName = "pipeline.stage-changed.v1";
    public const string StagesReorderedName = "pipeline.stages-reordered.v1";
    public const string StageRemovedName = "pipeline.stage-removed.v1";
    public const string LostReasonsChangedName = "pipeline.lost-reasons-changed.v1";

    public const string LostReasonsStream = "pipeline-lost-reasons";

    public static string PipelineStream(Guid pipelineId) => $"pipeline-{pipelineId:D}";

    public static EventTypeRegistry RegisterPipeline(this EventTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .Register<PipelineCreated>(PipelineCreatedName)
            .Register<PipelineRenamed>(PipelineRenamedName)
            .Register<PipelineArchived>(PipelineArchivedName)
            .Register<PipelineStageAdded>(StageAddedName)
            .Register<PipelineStageChanged>(StageChangedName)
            .Register<PipelineStagesReordered>(StagesReorderedName)
            .Register<PipelineStageRemoved>(StageRemovedName)
            .Register<LostReasonsChanged>(LostReasonsChangedName)
            .RegisterOpportunities();
    }
}

using Platform.Write.Catalog;
using Platform.Write.Domain;

namespace Platform.Write.Pipeline;

/// <summary>The opportunity's commands and the checks its decisions share.</summary>
public static partial class Opportunity
{
    public const int MaxActivities = 500;

    public abstract record Command;

    /// <summary>Without <paramref name="StageId"/> the opportunity starts in the pipeline's first open stage.</summary>
    public sealed record Open(
        Guid OpportunityId, PipelineState Pipeline, Guid? StageId, Guid CustomerId, Guid? LeadId, string Title, Money Value,
        DateOnly? ExpectedCloseDate, Guid OwnerId) : Command;

    public sealed record Move(PipelineState Pipeline, Guid ToStageId) : Command;

    public sealed record Win(PipelineState Pipeline, Money Amount) : Command;

    /// <summary><paramref name="Reasons"/>: the tenant's lost reasons now; the reason must be one of them.</summary>
    public sealed record Lose(PipelineState Pipeline, string Reason, IReadOnlyList<string> Reasons) : Command;

    public sealed record Reopen(PipelineState Pipeline, Guid ToStageId) : Command;

    /// <summary>Null members stay as they are.</summary>
    public sealed record Change(string? Title, Money? Value, Guid? OwnerId, DateOnly? ExpectedCloseDate) : Command;

    public sealed record AddNote(Guid NoteId, string Text, Guid AuthorId) : Command;

    public sealed record ScheduleActivity(Guid ActivityId, string Type, string Subject, DateTimeOffset DueAt, Guid AssigneeId) : Command;

    public sealed record CompleteActivity(Guid ActivityId) : Command;

    private static OpportunityState Existing(OpportunityState? state) => state ?? throw new NotFoundException("la oportunidad");

    private static OpportunityState Unclosed(OpportunityState? state)
    {
        var existing = Existing(state);
        if (existing.Status != OpportunityStatus.Open)
        {
            var error = new ConflictException("opportunity-closed", "La oportunidad ya está cerrada; reábrela para cambiarla.");
            error.Details["status"] = Names.Of(existing.Status);
            throw error;
        }
        return existing;
    }

    private static PipelineState Usable(PipelineState pipeline) =>
        pipeline.Archived ? throw new ConflictException("pipeline-archived", "El embudo está archivado.") : pipeline;

    private static PipelineStage OpenStage(PipelineState pipeline, Guid stageId)
    {
        var stage = pipeline.Stage(stageId) ?? throw new NotFoundException("la etapa");
        if (stage.Kind != StageKind.Open)
            throw new DomainException("closed-stage", "A la etapa de ganado o perdido se llega ganando o perdiendo la oportunidad.");
        return stage;
    }

    private static string KnownReason(Lose c)
    {
        var known = c.Reasons.FirstOrDefault(r => string.Equals(r, c.Reason.Trim(), StringComparison.OrdinalIgnoreCase));
        if (known is not null) return known;
        var error = new DomainException("unknown-lost-reason", "Elige una de las razones de pérdida de la empresa.");
        error.Details["reasons"] = c.Reasons;
        throw error;
    }
}

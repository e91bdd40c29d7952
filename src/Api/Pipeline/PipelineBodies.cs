namespace Platform.Api.Pipeline;

/// <summary>The bodies the pipeline and opportunity endpoints read besides the commands themselves.</summary>
internal static class PipelineBodies
{
    public sealed record PipelineBody(string? Name, bool? Archived);

    public sealed record NewStageBody(string? Name, int Probability, string? Color, int? ExpectedDays, int? RottingDays, int? Order);

    public sealed record StageBody(string? Name, int Probability, string? Color, int? ExpectedDays, int? RottingDays);

    public sealed record StageOrderBody(IReadOnlyList<Guid>? StageIds);

    public sealed record LostReasonsBody(IReadOnlyList<string>? Reasons);

    public sealed record OpportunityBody(string? Title, decimal? Value, string? Currency, Guid? OwnerId, DateOnly? ExpectedCloseDate);

    /// <summary>The stage an opportunity moves to, or reopens in.</summary>
    public sealed record StageChoiceBody(Guid? StageId);

    public sealed record WinBody(decimal Amount);

    public sealed record LoseBody(string? Reason);

    public sealed record NoteBody(string? Text);

    public sealed record ActivityBody(string? Type, string? Subject, DateTimeOffset? DueAt, Guid? AssigneeId);
}

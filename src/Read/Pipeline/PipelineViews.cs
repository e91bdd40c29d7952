namespace Platform.Read.Pipeline;

/// <summary>
/// The read views the pipeline-board projection keeps: the contract between it and the queries (and
/// other features' read models, which may read <see cref="Opportunities"/>). Each is a view the
/// projection daemon points at the serving generation's table; row-level security by tenant.
/// </summary>
public static class PipelineViews
{
    /// <summary>(tenant_id, pipeline_id): name, archived, created_at.</summary>
    public const string Pipelines = "sales_pipelines";

    /// <summary>(tenant_id, pipeline_id, stage_id): name, kind (open, won, lost), position (1..n), probability, color, expected and rotting days.</summary>
    public const string Stages = "pipeline_stages";

    /// <summary>
    /// (tenant_id, opportunity_id): customer_id, lead_id, pipeline_id, stage_id, status ('open', 'won', 'lost'), title, value,
    /// won_amount, currency, owner_id, expected_close_date, lost_reason, opened_at, closed_at, stage_entered_at, last_activity_at.
    /// </summary>
    public const string Opportunities = "pipeline_opportunities";

    /// <summary>(tenant_id, activity_id): opportunity_id, assignee_id, type, subject, due_at, done, done_at.</summary>
    public const string Tasks = "pipeline_tasks";

    public static IReadOnlyList<string> All { get; } = [Pipelines, Stages, Opportunities, Tasks];
}

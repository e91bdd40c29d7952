namespace Platform.Read.Analytics;

/// <summary>
/// The read views the sales-analytics projection keeps, bucketed by day in the tenant's time zone.
/// Each is a view the projection daemon points at the serving generation's table; row-level security by tenant.
/// </summary>
public static class AnalyticsViews
{
    /// <summary>
    /// (tenant_id, day, metric, dimension): count, amount. Metrics and their dimension: lead-created (source),
    /// lead-contacted ('' ; amount = response seconds), lead-converted (''), opportunity-opened (''),
    /// opportunity-won (currency; amount = won amount), opportunity-lost (reason), stage-entered, stage-advanced
    /// (moved on or won from it) and stage-lost (lost from it), each by stage id.
    /// </summary>
    public const string SalesDaily = "analytics_sales_daily";

    /// <summary>(tenant_id, lead_id): day, user_id, seconds — each lead's first response, for percentiles.</summary>
    public const string ResponseTimes = "analytics_response_times";

    public static IReadOnlyList<string> All { get; } = [SalesDaily, ResponseTimes];
}

/// <summary>The metric names of <see cref="AnalyticsViews.SalesDaily"/>.</summary>
public static class SalesMetrics
{
    public const string LeadCreated = "lead-created";
    public const string LeadContacted = "lead-contacted";
    public const string LeadConverted = "lead-converted";
    public const string OpportunityOpened = "opportunity-opened";
    public const string OpportunityWon = "opportunity-won";
    public const string OpportunityLost = "opportunity-lost";
    public const string StageEntered = "stage-entered";
    public const string StageAdvanced = "stage-advanced";
    public const string StageLost = "stage-lost";
}

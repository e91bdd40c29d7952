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

    /// <summary>
    /// (tenant_id, lead_id): source, created_day, assigned_id (latest), responder_id, response_seconds, response_day (first
    /// response), salesperson_id (assigned, else the first responder), converted_day, opportunity_id, pipeline_id (of that
    /// opportunity), outcome (open, won, lost: that opportunity's now), won_amount, currency.
    /// </summary>
    public const string Leads = "analytics_leads";

    /// <summary>
    /// (tenant_id, opportunity_id): lead_id, pipeline_id, owner_id (latest), source (its lead's, '' without one), opened_day,
    /// status, won_amount, currency, and its current stay: stay_seq, stage_id, stage_entered_at, stage_entered_day.
    /// </summary>
    public const string Opportunities = "analytics_opportunities";

    /// <summary>
    /// (tenant_id, opportunity_id, seq): each stay of an opportunity in a stage — stage_id, pipeline_id, owner_id (the
    /// opportunity's latest), source, entered_at, entered_day, and once it ended left_at, left_day, outcome (advanced, won,
    /// lost, reopened), amount and currency (won), reason (lost).
    /// </summary>
    public const string StageStays = "analytics_stage_stays";

    public static IReadOnlyList<string> All { get; } = [SalesDaily, ResponseTimes, Leads, Opportunities, StageStays];
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

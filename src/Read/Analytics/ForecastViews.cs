namespace Platform.Read.Analytics;

/// <summary>The read views the sales-forecast projection keeps; row-level security by tenant.</summary>
public static class ForecastViews
{
    /// <summary>
    /// (tenant_id, opportunity_id): pipeline_id, stage_id, status ('open', 'won', 'lost'), value, currency, close_date (the
    /// expected close date, null when none); the open ones are indexed by close date.
    /// </summary>
    public const string Opportunities = "analytics_forecast_opportunities";

    /// <summary>(tenant_id, month (its first day), pipeline_id, currency): count, amount — won by the day of the win in the tenant's zone.</summary>
    public const string WonMonthly = "analytics_forecast_won";

    public static IReadOnlyList<string> All { get; } = [Opportunities, WonMonthly];
}

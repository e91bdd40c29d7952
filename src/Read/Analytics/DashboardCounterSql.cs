namespace Platform.Read.Analytics;

/// <summary>
/// The unfiltered dashboard over the daily counters (a few rows per day, so a year stays cheap) and the first
/// responses: @tenant, @from and @to (days, both included). A filtered dashboard reads <see cref="DashboardSql"/>.
/// </summary>
internal static class DashboardCounterSql
{
    /// <summary>Totals, funnel, responses and days as one command: one round trip.</summary>
    public const string All = $"{Totals};\n{Funnel};\n{Responses};\n{Days}";

    public const string Totals = $"""
        select metric as Metric, dimension as Dimension, sum(count)::bigint as Count, sum(amount) as Amount
          from {AnalyticsViews.SalesDaily}
         where tenant_id = @tenant and day between @from::date and @to::date
         group by metric, dimension
        """;

    public const string Funnel = $"""
        select d.dimension::uuid as StageId, s.pipeline_id as PipelineId, s.name as Name, s.position as Position,
               coalesce(sum(d.count) filter (where d.metric = '{SalesMetrics.StageEntered}'), 0)::bigint as Entered,
               coalesce(sum(d.count) filter (where d.metric = '{SalesMetrics.StageAdvanced}'), 0)::bigint as Advanced,
               coalesce(sum(d.count) filter (where d.metric = '{SalesMetrics.StageLost}'), 0)::bigint as Lost
          from {AnalyticsViews.SalesDaily} d
          left join {Pipeline.PipelineViews.Stages} s on s.tenant_id = d.tenant_id and s.stage_id = d.dimension::uuid
         where d.tenant_id = @tenant and d.day between @from::date and @to::date and d.metric in ('{SalesMetrics.StageEntered}', '{SalesMetrics.StageAdvanced}', '{SalesMetrics.StageLost}')
         group by d.dimension, s.pipeline_id, s.name, s.position
         order by s.pipeline_id, s.position, d.dimension
        """;

    public const string Days = $"""
        select day as Day,
               coalesce(sum(count) filter (where metric = '{SalesMetrics.LeadCreated}'), 0)::bigint as Leads,
               coalesce(sum(count) filter (where metric = '{SalesMetrics.OpportunityWon}'), 0)::bigint as Won
          from {AnalyticsViews.SalesDaily}
         where tenant_id = @tenant and day between @from::date and @to::date
           and metric in ('{SalesMetrics.LeadCreated}', '{SalesMetrics.OpportunityWon}')
         group by day order by day
        """;

    /// <summary>Per salesperson, then overall (UserId null) by grouping sets.</summary>
    public const string Responses = $"""
        select user_id as UserId, count(*) as Contacted,
               percentile_cont(0.5) within group (order by seconds) as P50Seconds,
               percentile_cont(0.9) within group (order by seconds) as P90Seconds
          from {AnalyticsViews.ResponseTimes}
         where tenant_id = @tenant and day between @from::date and @to::date
         group by grouping sets ((user_id), ())
        """;
}

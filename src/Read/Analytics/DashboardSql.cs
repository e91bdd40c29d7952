using static Platform.Read.Analytics.SalesMetrics;

namespace Platform.Read.Analytics;

/// <summary>
/// The dashboard's queries over the per-lead, per-opportunity and per-stay views: @tenant, @from and @to (days, both
/// included) and the filters of <see cref="SalesFilterSql"/>.
/// </summary>
internal static class DashboardSql
{
    private static readonly string Leads = $"{AnalyticsViews.Leads} l where l.tenant_id = @tenant and {SalesFilterSql.Leads}";
    private static readonly string Closed =
        $"{AnalyticsViews.StageStays} s where s.tenant_id = @tenant and s.left_day between @from::date and @to::date and {SalesFilterSql.Stays}";

    /// <summary>As metric, dimension, count, amount: leads by source, converted, opened, won by currency, lost by reason.</summary>
    public static readonly string Totals = $"""
        select '{LeadCreated}' as Metric, l.source as Dimension, count(*) as Count, 0::numeric as Amount
          from {Leads} and l.created_day between @from::date and @to::date group by l.source
        union all
        select '{LeadConverted}', '', count(*), 0 from {Leads} and l.converted_day between @from::date and @to::date
        union all
        select '{OpportunityOpened}', '', count(*), 0 from {AnalyticsViews.Opportunities} o
         where o.tenant_id = @tenant and o.opened_day between @from::date and @to::date and {SalesFilterSql.Opportunities}
        union all
        select case s.outcome when 'won' then '{OpportunityWon}' else '{OpportunityLost}' end, coalesce(s.currency, s.reason, ''),
               count(*), coalesce(sum(s.amount), 0)
          from {Closed} and s.outcome in ('won', 'lost') group by s.outcome, coalesce(s.currency, s.reason, '')
        """;

    /// <summary>Per stage: stays begun in the period, and stays ended in it by moving on (or winning) and by losing.</summary>
    public static readonly string Funnel = $"""
        select s.stage_id as StageId, st.pipeline_id as PipelineId, st.name as Name, st.position as Position,
               count(*) filter (where s.entered_day between @from::date and @to::date) as Entered,
               count(*) filter (where s.left_day between @from::date and @to::date and s.outcome in ('advanced', 'won')) as Advanced,
               count(*) filter (where s.left_day between @from::date and @to::date and s.outcome = 'lost') as Lost
          from {AnalyticsViews.StageStays} s
          left join {Pipeline.PipelineViews.Stages} st on st.tenant_id = s.tenant_id and st.stage_id = s.stage_id
         where s.tenant_id = @tenant and (s.entered_day between @from::date and @to::date or s.left_day between @from::date and @to::date)
           and {SalesFilterSql.Stays}
         group by s.stage_id, st.pipeline_id, st.name, st.position
         order by st.pipeline_id, st.position, s.stage_id
        """;

    /// <summary>First responses in the period per salesperson who gave them, then overall (UserId null) by grouping sets.</summary>
    public static readonly string Responses = $"""
        select l.responder_id as UserId, count(*) as Contacted,
               percentile_cont(0.5) within group (order by l.response_seconds) as P50Seconds,
               percentile_cont(0.9) within group (order by l.response_seconds) as P90Seconds
          from {AnalyticsViews.Leads} l
         where l.tenant_id = @tenant and l.response_day between @from::date and @to::date and {SalesFilterSql.Responses}
         group by grouping sets ((l.responder_id), ())
        """;

    public static readonly string Days = $"""
        select day as Day, sum(leads)::bigint as Leads, sum(won)::bigint as Won from (
            select l.created_day as day, 1 as leads, 0 as won from {Leads} and l.created_day between @from::date and @to::date
            union all
            select s.left_day, 0, 1 from {Closed} and s.outcome = 'won') d
         group by day order by day
        """;

    /// <summary>Totals, funnel, responses and days as one command: one round trip (declared last: static fields initialize in order).</summary>
    public static string All { get; } = string.Join(";\n", Totals, Funnel, Responses, Days);
}

internal sealed record DailyRow(string Metric, string Dimension, long Count, decimal Amount);

internal sealed record ResponseRow(Guid? UserId, long Contacted, double? P50Seconds, double? P90Seconds);

namespace Platform.Read.Analytics;

/// <summary>The pipeline performance queries: @tenant, @from, @to and the filters of <see cref="SalesFilterSql"/>.</summary>
internal static class PerformanceSql
{
    private const string Ended = "s.left_day between @from::date and @to::date";

    /// <summary>Per stage, in pipeline and position order: stays begun, stays ended by outcome, and the time of the ended ones.</summary>
    public static readonly string Stages = $"""
        select s.stage_id as StageId, st.pipeline_id as PipelineId, p.name as PipelineName, st.name as Name, st.position as Position,
               count(*) filter (where s.entered_day between @from::date and @to::date) as Entered,
               count(*) filter (where {Ended} and s.outcome in ('advanced', 'won')) as Advanced,
               count(*) filter (where {Ended} and s.outcome = 'lost') as Lost,
               (avg(extract(epoch from s.left_at - s.entered_at)) filter (where {Ended}))::float8 as AverageSeconds,
               percentile_cont(0.9) within group (order by extract(epoch from s.left_at - s.entered_at)) filter (where {Ended}) as P90Seconds
          from {AnalyticsViews.StageStays} s
          left join {Pipeline.PipelineViews.Stages} st on st.tenant_id = s.tenant_id and st.stage_id = s.stage_id
          left join {Pipeline.PipelineViews.Pipelines} p on p.tenant_id = st.tenant_id and p.pipeline_id = st.pipeline_id
         where s.tenant_id = @tenant and (s.entered_day between @from::date and @to::date or {Ended}) and {SalesFilterSql.Stays}
         group by s.stage_id, st.pipeline_id, p.name, st.name, st.position
         order by p.name, st.pipeline_id, st.position, s.stage_id
        """;

    /// <summary>Per owner: opportunities opened in the period, and closed in it by outcome and currency (won amounts summed).</summary>
    public static readonly string Salespeople = $"""
        select o.owner_id as UserId, 'opened' as Kind, '' as Currency, count(*) as Count, 0::numeric as Amount
          from {AnalyticsViews.Opportunities} o
         where o.tenant_id = @tenant and o.opened_day between @from::date and @to::date and {SalesFilterSql.Opportunities}
         group by o.owner_id
        union all
        select s.owner_id, s.outcome, coalesce(s.currency, ''), count(*), coalesce(sum(s.amount), 0)
          from {AnalyticsViews.StageStays} s
         where s.tenant_id = @tenant and {Ended} and s.outcome in ('won', 'lost') and {SalesFilterSql.Stays}
         group by s.owner_id, s.outcome, coalesce(s.currency, '')
        """;
}

internal sealed record StageRow(
    Guid StageId, Guid? PipelineId, string? PipelineName, string? Name, int? Position, long Entered, long Advanced, long Lost,
    double? AverageSeconds, double? P90Seconds);

internal sealed record OwnerRow(Guid UserId, string Kind, string Currency, long Count, decimal Amount);

namespace Platform.Read.Analytics;

/// <summary>The conversion queries: @tenant, @from, @to and the filters of <see cref="SalesFilterSql"/>.</summary>
internal static class ConversionSql
{
    /// <summary>The period's leads as they stand now, overall (kind 'all'), by source and by month of creation.</summary>
    public static readonly string Cohort = $"""
        select case when grouping(c.source) = 0 then 'source' when grouping(c.month) = 0 then 'month' else 'all' end as Kind,
               case when grouping(c.source) = 0 then c.source when grouping(c.month) = 0 then c.month else '' end as Key,
               count(*) as Leads, count(c.converted_day) as Converted, count(*) filter (where c.outcome = 'won') as Won
          from (select l.source, to_char(l.created_day, 'YYYY-MM') as month, l.converted_day, l.outcome
                  from {AnalyticsViews.Leads} l
                 where l.tenant_id = @tenant and l.created_day between @from::date and @to::date and {SalesFilterSql.Leads}) c
         group by grouping sets ((), (c.source), (c.month))
        """;

    public static readonly string Closed = $"""
        select count(*) filter (where s.outcome = 'won') as Won, count(*) filter (where s.outcome = 'lost') as Lost
          from {AnalyticsViews.StageStays} s
         where s.tenant_id = @tenant and s.left_day between @from::date and @to::date and s.outcome in ('won', 'lost') and {SalesFilterSql.Stays}
        """;
}

internal sealed record CohortRow(string Kind, string Key, long Leads, long Converted, long Won);

internal sealed record ClosedRow(long Won, long Lost);

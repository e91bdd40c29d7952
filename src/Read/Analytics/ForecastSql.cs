namespace Platform.Read.Analytics;

/// <summary>
/// The forecast's queries: @tenant, @first and @last (first days of the first and last month), @today (the
/// tenant's day, the month of an open opportunity without an expected close date), @pipeline (null: every pipeline).
/// </summary>
internal static class ForecastSql
{
    /// <summary>
    /// Open opportunities by expected close month, weighted by their stage's probability; won ones by the month of the
    /// day they were won in the tenant's time zone (a won opportunity is never reopened, so its row is its win).
    /// </summary>
    public const string Months = $"""
        with zone as (select coalesce((select time_zone from tenants where tenant_id = @tenant), 'UTC') as tz),
        bounds as (select (@first::date)::timestamp at time zone z.tz as since,
                          ((@last::date + interval '1 month')::date)::timestamp at time zone z.tz as until, z.tz from zone z),
        rows as (
            select o.status, o.currency, o.value, o.won_amount, coalesce(s.probability, 0) as probability,
                   to_char(case when o.status = 'open' then coalesce(o.expected_close_date, @today::date)
                                else (o.closed_at at time zone b.tz)::date end, 'YYYY-MM') as month
              from {Pipeline.PipelineViews.Opportunities} o
              cross join bounds b
              left join {Pipeline.PipelineViews.Stages} s on s.tenant_id = o.tenant_id and s.pipeline_id = o.pipeline_id and s.stage_id = o.stage_id
             where o.tenant_id = @tenant and (@pipeline::uuid is null or o.pipeline_id = @pipeline::uuid)
               and ((o.status = 'open' and coalesce(o.expected_close_date, @today::date) >= @first::date
                                       and coalesce(o.expected_close_date, @today::date) < (@last::date + interval '1 month'))
                 or (o.status = 'won' and o.closed_at >= b.since and o.closed_at < b.until)))
        select month as Month, currency as Currency,
               count(*) filter (where status = 'open') as Open,
               coalesce(sum(value) filter (where status = 'open'), 0) as Pipeline,
               round(coalesce(sum(value * probability / 100.0) filter (where status = 'open'), 0), 2) as Weighted,
               coalesce(sum(won_amount) filter (where status = 'won'), 0) as Won
          from rows group by month, currency
        """;

    public const string Targets = $"""
        select month as Month, amount as Amount, currency as Currency
          from {SalesTargetViews.Targets}
         where tenant_id = @tenant and month between @from and @to and amount is not null
         order by month
        """;

    public const string Currency = "select currency from tenants where tenant_id = @tenant";
}

internal sealed record ForecastRow(string Month, string Currency, long Open, decimal Pipeline, decimal Weighted, decimal Won);

namespace Platform.Read.Analytics;

/// <summary>
/// The forecast's queries: @tenant, @first and @last (first days of the first and last month), @today (the
/// tenant's day, the month of an open opportunity without an expected close date), @pipeline (null: every pipeline).
/// </summary>
internal static class ForecastSql
{
    /// <summary>
    /// Open opportunities by expected close month (through the partial index of open ones), their value weighted by their
    /// stage's current probability; beside them the amounts won in each month.
    /// </summary>
    public const string Months = $"""
        with opened as (
            select to_char(coalesce(o.close_date, @today::date), 'YYYY-MM') as month, o.currency, count(*) as open_count,
                   sum(o.value) as pipeline, round(sum(o.value * coalesce(s.probability, 0) / 100.0), 2) as weighted
              from {ForecastViews.Opportunities} o
              left join {Pipeline.PipelineViews.Stages} s on s.tenant_id = o.tenant_id and s.pipeline_id = o.pipeline_id and s.stage_id = o.stage_id
             where o.tenant_id = @tenant and o.status = 'open' and (@pipeline::uuid is null or o.pipeline_id = @pipeline::uuid)
               and ((o.close_date >= @first::date and o.close_date < (@last::date + interval '1 month')::date)
                 or (o.close_date is null and @today::date >= @first::date and @today::date < (@last::date + interval '1 month')::date))
             group by 1, 2),
        wins as (
            select to_char(month, 'YYYY-MM') as month, currency, sum(amount) as won
              from {ForecastViews.WonMonthly}
             where tenant_id = @tenant and month between @first::date and @last::date and (@pipeline::uuid is null or pipeline_id = @pipeline::uuid)
             group by 1, 2)
        select coalesce(o.month, w.month) as Month, coalesce(o.currency, w.currency) as Currency, coalesce(o.open_count, 0) as Open,
               coalesce(o.pipeline, 0) as Pipeline, coalesce(o.weighted, 0) as Weighted, coalesce(w.won, 0) as Won
          from opened o full join wins w on w.month = o.month and w.currency = o.currency
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

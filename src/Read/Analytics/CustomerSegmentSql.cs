using Platform.Read.Customers;

namespace Platform.Read.Analytics;

/// <summary>
/// The customer figures' queries over the customers rows and the pipeline's opportunities: @tenant, @start and @end
/// (the period's first instant and the instant after it), @now, @days (at risk), @salesperson (null: everyone's
/// customers), @limit. Each reads the customers once, or the won opportunities once; the list reads the at-risk
/// customers of most value from the won opportunities and the rest in the recency index's order, @limit of each.
/// </summary>
internal static class CustomerSegmentSql
{
    private const string OfSalesperson = """
        (@salesperson::uuid is null or exists (select from customer_interactions i
          where i.tenant_id = c.tenant_id and i.customer_id = c.customer_id and i.user_id = @salesperson))
        """;

    private const string AtRisk = "coalesce(c.last_activity_at, c.created_at) < @now - make_interval(days => @days)";

    /// <summary>Per segment: customers, of them at risk, and new in the period.</summary>
    public static readonly string Counts = $"""
        select {CustomerSegments.CaseSql} as Segment, count(*) as Customers, count(*) filter (where {AtRisk}) as AtRisk,
               count(*) filter (where c.created_at >= @start and c.created_at < @end) as New
          from customers c
         where c.tenant_id = @tenant and {OfSalesperson}
         group by 1
        """;

    /// <summary>Per segment: the lifetime value of its customers, and of those at risk.</summary>
    public static readonly string Values = $"""
        select {CustomerSegments.CaseSql} as Segment, coalesce(sum(o.won_amount), 0) as Value, coalesce(sum(o.won_amount) filter (where {AtRisk}), 0) as AtRisk
          from {Pipeline.PipelineViews.Opportunities} o
          join customers c on c.tenant_id = o.tenant_id and c.customer_id = o.customer_id
         where o.tenant_id = @tenant and o.status = 'won' and {OfSalesperson}
         group by 1
        """;

    private static readonly string Listed = $"""
        c.customer_id as CustomerId, c.name as Name, c.last_activity_at as LastActivityAt,
        floor(extract(epoch from @now - coalesce(c.last_activity_at, c.created_at)) / 86400)::int as DaysSince,
        {CustomerSegments.CaseSql} as Segment
        """;

    public static readonly string AtRiskTop = $"""
        select * from (
            (select {Listed}, v.value as LifetimeValue, coalesce(c.last_activity_at, c.created_at) as ActiveAt
               from (select customer_id, sum(won_amount) as value from {Pipeline.PipelineViews.Opportunities}
                      where tenant_id = @tenant and status = 'won' group by customer_id) v
               join customers c on c.tenant_id = @tenant and c.customer_id = v.customer_id
              where {AtRisk} and {OfSalesperson}
              order by v.value desc, 7, c.customer_id limit @limit)
            union all
            (select {Listed}, 0::numeric, coalesce(c.last_activity_at, c.created_at)
               from customers c
              where c.tenant_id = @tenant and {AtRisk} and {OfSalesperson}
                and not exists (select from {Pipeline.PipelineViews.Opportunities} o
                                 where o.tenant_id = c.tenant_id and o.customer_id = c.customer_id and o.status = 'won')
              order by coalesce(c.last_activity_at, c.created_at), c.customer_id limit @limit)) listed
         order by LifetimeValue desc, ActiveAt, CustomerId
         limit @limit
        """;

    /// <summary>The period's first instant and the instant after its last day, in the tenant's time zone.</summary>
    public const string Bounds = """
        select (@from::date::timestamp at time zone z.name) as Start, ((@to::date + 1)::timestamp at time zone z.name) as End
          from (select coalesce((select time_zone from tenants where tenant_id = @tenant), 'UTC') as name) z
        """;
}

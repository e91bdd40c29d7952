using Platform.Read.Customers;

namespace Platform.Read.Analytics;

/// <summary>
/// The customer figures' queries over the customers rows and the pipeline's opportunities: @tenant, @from and @to
/// (days, both included), @now, @days (at risk), @salesperson (null: everyone's customers), @limit.
/// </summary>
internal static class CustomerSegmentSql
{
    private const string Values = $"""
        with value as (
            select customer_id, sum(won_amount) as value from {Pipeline.PipelineViews.Opportunities}
             where tenant_id = @tenant and status = 'won' and customer_id is not null group by customer_id)
        """;

    private const string OfSalesperson = """
        (@salesperson::uuid is null or exists (select from customer_interactions i
          where i.tenant_id = c.tenant_id and i.customer_id = c.customer_id and i.user_id = @salesperson))
        """;

    private const string AtRisk = "coalesce(c.last_activity_at, c.created_at) < @now - make_interval(days => @days)";

    public static readonly string Segments = $"""
        {Values}
        select {CustomerSegments.CaseSql} as Segment, count(*) as Customers, coalesce(sum(v.value), 0) as LifetimeValue
          from customers c left join value v on v.customer_id = c.customer_id
         where c.tenant_id = @tenant and {OfSalesperson}
         group by 1
        """;

    public const string NewCustomers = $"""
        with zone as (select coalesce((select time_zone from tenants where tenant_id = @tenant), 'UTC') as name)
        select count(*) from customers c, zone
         where c.tenant_id = @tenant
           and c.created_at >= (@from::date::timestamp at time zone zone.name)
           and c.created_at < ((@to::date + 1)::timestamp at time zone zone.name)
           and {OfSalesperson}
        """;

    public const string AtRiskTotals = $"""
        {Values}
        select count(*) as Customers, coalesce(sum(v.value), 0) as LifetimeValue
          from customers c left join value v on v.customer_id = c.customer_id
         where c.tenant_id = @tenant and {AtRisk} and {OfSalesperson}
        """;

    public static readonly string AtRiskTop = $"""
        {Values}
        select c.customer_id as CustomerId, c.name as Name, c.last_activity_at as LastActivityAt,
               floor(extract(epoch from @now - coalesce(c.last_activity_at, c.created_at)) / 86400)::int as DaysSince,
               coalesce(v.value, 0) as LifetimeValue, {CustomerSegments.CaseSql} as Segment
          from customers c left join value v on v.customer_id = c.customer_id
         where c.tenant_id = @tenant and {AtRisk} and {OfSalesperson}
         order by coalesce(v.value, 0) desc, coalesce(c.last_activity_at, c.created_at), c.customer_id
         limit @limit
        """;
}

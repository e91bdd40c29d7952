using System.Text.Json;
using Npgsql;

namespace Platform.Api.Tests.Analytics;

/// <summary>
/// The customer segment figures computed from scratch by plain SQL over the event table: customers created,
/// their interactions and purchases (segments by the customers list's rules, at now), and the same figures
/// read off a /api/analytics/customers/segments answer, as flat name → value maps.
/// </summary>
internal static class CustomerSegmentsOracle
{
    private const string Figures_ = """
        with ev as (
            select e.type, e.data, e.recorded_at, (e.recorded_at at time zone t.time_zone)::date as day
              from events e join tenants t on t.tenant_id = e.tenant_id
             where e.tenant_id = $1 and e.type in ('customers.customer-created.v1', 'customers.interaction-logged.v1',
                                                   'customers.customer-purchase-recorded.v1')),
        acts as (select data->>'customerId' as id, (data->>'occurredAt')::timestamptz as at, data->>'userId' as user_id, 0::numeric as amount
                   from ev where type = 'customers.interaction-logged.v1'
                 union all
                 select data->>'customerId', (data->>'at')::timestamptz, null, (data->>'amount')::numeric
                   from ev where type = 'customers.customer-purchase-recorded.v1'),
        act_stats as (select id, max(at) as last_at, sum(amount) as value from acts group by id),
        act_third as (
            select id, at as third_at from (select id, at, row_number() over (partition by id order by at desc) as n from acts) r where n = 3),
        customers as (
            select c.data->>'customerId' as id, c.recorded_at as created_at, c.day, s.last_at, t.third_at, coalesce(s.value, 0) as value
              from ev c
              left join act_stats s on s.id = c.data->>'customerId'
              left join act_third t on t.id = c.data->>'customerId'
             where c.type = 'customers.customer-created.v1'
               and ($5::text is null or c.data->>'customerId' in (select a.id from acts a where a.user_id = $5))),
        placed as (
            select id, day, value, coalesce(last_at, created_at) as active_at,
                   case when third_at >= now() - interval '90 days' then 'frequent'
                        when coalesce(last_at, created_at) < now() - interval '180 days' then 'inactive'
                        else 'occasional' end as segment
              from customers),
        risk as (select * from placed where active_at < now() - make_interval(days => $4))
        select 'customers', count(*)::numeric from placed
        union all select 'lifetimeValue', coalesce(sum(value), 0) from placed
        union all select 'segment:' || segment, count(*) from placed group by segment
        union all select 'value:' || segment, sum(value) from placed group by segment
        union all select 'new', count(*) from placed where day between $2 and $3
        union all select 'atRisk', count(*) from risk
        union all select 'atRiskValue', coalesce(sum(value), 0) from risk
        union all (select 'risk:' || id, value from risk order by value desc, active_at, id::uuid limit 50)
        """;

    public static Task<Dictionary<string, decimal>> FromEventsAsync(NpgsqlDataSource system, Guid tenantId, DateOnly from, DateOnly to) =>
        FromEventsAsync(system, tenantId, from, to, 30, null);

    public static Task<Dictionary<string, decimal>> FromEventsAsync(
        NpgsqlDataSource system, Guid tenantId, DateOnly from, DateOnly to, int atRiskDays, Guid? salesperson) =>
        OracleQueries.FiguresAsync(system, Figures_, tenantId, from, to, atRiskDays, salesperson?.ToString("D"));

    public static Dictionary<string, decimal> Figures(JsonElement answer)
    {
        var figures = new Dictionary<string, decimal>
        {
            ["customers"] = answer.GetProperty("customers").GetDecimal(),
            ["lifetimeValue"] = answer.GetProperty("lifetimeValue").GetDecimal(),
            ["new"] = answer.GetProperty("newCustomers").GetDecimal(),
        };
        foreach (var s in answer.GetProperty("segments").EnumerateArray())
        {
            if (s.GetProperty("customers").GetInt64() == 0) continue;
            figures[$"segment:{s.GetProperty("segment").GetString()}"] = s.GetProperty("customers").GetDecimal();
            figures[$"value:{s.GetProperty("segment").GetString()}"] = s.GetProperty("lifetimeValue").GetDecimal();
        }
        var risk = answer.GetProperty("atRisk");
        figures["atRisk"] = risk.GetProperty("customers").GetDecimal();
        figures["atRiskValue"] = risk.GetProperty("lifetimeValue").GetDecimal();
        foreach (var c in risk.GetProperty("top").EnumerateArray()) figures[$"risk:{c.GetProperty("customerId").GetGuid():D}"] = c.GetProperty("lifetimeValue").GetDecimal();
        return figures;
    }
}

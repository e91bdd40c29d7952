using System.Text.Json;
using Npgsql;

namespace Platform.Api.Tests.Analytics;

/// <summary>
/// The dashboard's figures computed from scratch by plain SQL over the event table (days in the tenant's
/// time zone), and the same figures read off a dashboard answer, as flat name → value maps.
/// </summary>
internal static class DashboardOracle
{
    private const string Counters = """
        with e as (
            select ev.type, ev.data from events ev join tenants t on t.tenant_id = ev.tenant_id
             where ev.tenant_id = $1 and (ev.recorded_at at time zone t.time_zone)::date between $2 and $3)
        select 'source:' || (data->>'source'), count(*)::numeric from e where type = 'leads.lead-created.v1' group by 1
        union all select 'leads', count(*) from e where type = 'leads.lead-created.v1'
        union all select 'converted', count(*) from e where type = 'leads.lead-converted.v1'
        union all select 'opened', count(*) from e where type = 'pipeline.opportunity-opened.v1'
        union all select 'won', count(*) from e where type = 'pipeline.opportunity-won.v1'
        union all select 'lost', count(*) from e where type = 'pipeline.opportunity-lost.v1'
        union all select 'wonAmount:' || (data->'amount'->>'currency'), sum((data->'amount'->>'amount')::numeric)
          from e where type = 'pipeline.opportunity-won.v1' group by 1
        union all select 'lost:' || (data->>'reason'), count(*) from e where type = 'pipeline.opportunity-lost.v1' group by 1
        union all select 'stage:' || coalesce(data->>'toStageId', data->>'stageId'), count(*) from e
         where type in ('pipeline.opportunity-opened.v1', 'pipeline.opportunity-moved.v1', 'pipeline.opportunity-won.v1',
                        'pipeline.opportunity-lost.v1', 'pipeline.opportunity-reopened.v1') group by 1
        union all select 'advanced:' || (data->>'fromStageId'), count(*) from e
         where type in ('pipeline.opportunity-moved.v1', 'pipeline.opportunity-won.v1') group by 1
        union all select 'lostFrom:' || (data->>'fromStageId'), count(*) from e where type = 'pipeline.opportunity-lost.v1' group by 1
        union all select coalesce('response:' || (data->>'userId'), 'response') || ':' || p.name,
                         case p.name when 'count' then count(*)::numeric
                              when 'p50' then round(percentile_cont(0.5) within group (order by (data->>'responseSeconds')::bigint)::numeric, 3)
                              else round(percentile_cont(0.9) within group (order by (data->>'responseSeconds')::bigint)::numeric, 3) end
          from e cross join (values ('count'), ('p50'), ('p90')) p(name)
         where type = 'leads.lead-contacted.v1' and (data->>'first')::boolean and data ? 'responseSeconds'
         group by grouping sets ((data->>'userId', p.name), (p.name))
        """;

    public static async Task<Dictionary<string, decimal>> FromEventsAsync(NpgsqlDataSource system, Guid tenantId, DateOnly from, DateOnly to)
    {
        await using var command = system.CreateCommand(Counters);
        foreach (var value in new object[] { tenantId, from, to }) command.Parameters.Add(new() { Value = value });
        await using var reader = await command.ExecuteReaderAsync();
        var figures = new Dictionary<string, decimal>();
        while (await reader.ReadAsync()) figures[reader.GetString(0)] = reader.GetDecimal(1);
        return figures;
    }

    public static Dictionary<string, decimal> Figures(JsonElement d)
    {
        var figures = new Dictionary<string, decimal>();
        foreach (var s in d.GetProperty("leadsBySource").EnumerateArray()) figures[$"source:{s.GetProperty("source").GetString()}"] = s.GetProperty("count").GetInt64();
        foreach (var name in new[] { "leads", "converted", "opened", "won", "lost" }) figures[name] = d.GetProperty(name).GetInt64();
        foreach (var w in d.GetProperty("wonAmount").EnumerateArray()) figures[$"wonAmount:{w.GetProperty("currency").GetString()}"] = w.GetProperty("amount").GetDecimal();
        foreach (var r in d.GetProperty("lostReasons").EnumerateArray()) figures[$"lost:{r.GetProperty("reason").GetString()}"] = r.GetProperty("count").GetInt64();
        foreach (var s in d.GetProperty("funnel").EnumerateArray())
        {
            foreach (var (key, name) in new[] { ("stage", "entered"), ("advanced", "advanced"), ("lostFrom", "lost") })
            {
                if (s.GetProperty(name).GetInt64() > 0) figures[$"{key}:{s.GetProperty("stageId").GetGuid():D}"] = s.GetProperty(name).GetInt64();
            }
        }
        var response = d.GetProperty("responseTime");
        if (response.GetProperty("contacted").GetInt64() > 0) Response(figures, "response", response.GetProperty("contacted"), response);
        foreach (var p in response.GetProperty("perSalesperson").EnumerateArray()) Response(figures, $"response:{p.GetProperty("userId").GetGuid():D}", p.GetProperty("contacted"), p);
        return figures;
    }

    private static void Response(Dictionary<string, decimal> figures, string key, JsonElement count, JsonElement times)
    {
        figures[$"{key}:count"] = count.GetInt64();
        figures[$"{key}:p50"] = Math.Round((decimal)times.GetProperty("p50Seconds").GetDouble(), 3);
        figures[$"{key}:p90"] = Math.Round((decimal)times.GetProperty("p90Seconds").GetDouble(), 3);
    }
}

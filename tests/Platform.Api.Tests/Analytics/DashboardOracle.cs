using System.Text.Json;
using Npgsql;
using Platform.Read.Analytics;

namespace Platform.Api.Tests.Analytics;

/// <summary>
/// The dashboard's figures computed from scratch by plain SQL over the event table (days in the tenant's
/// time zone, see <see cref="SalesOracleSql"/>), and the same figures read off a dashboard answer, as flat name → value maps.
/// </summary>
internal static class DashboardOracle
{
    private const string Counters = """

        select 'source:' || source, count(*)::numeric from flead where created_day between $2 and $3 group by 1
        union all select 'leads', count(*) from flead where created_day between $2 and $3
        union all select 'converted', count(*) from flead where converted_day between $2 and $3
        union all select 'opened', count(*) from fopp where opened_day between $2 and $3
        union all select 'won', count(*) from fstay where left_day between $2 and $3 and outcome = 'won'
        union all select 'lost', count(*) from fstay where left_day between $2 and $3 and outcome = 'lost'
        union all select 'wonAmount:' || (next_data->'amount'->>'currency'), sum((next_data->'amount'->>'amount')::numeric)
          from fstay where left_day between $2 and $3 and outcome = 'won' group by 1
        union all select 'lost:' || (next_data->>'reason'), count(*) from fstay where left_day between $2 and $3 and outcome = 'lost' group by 1
        union all select 'stage:' || stage_id, count(*) from fstay where entered_day between $2 and $3 group by 1
        union all select 'advanced:' || stage_id, count(*) from fstay where left_day between $2 and $3 and outcome in ('advanced', 'won') group by 1
        union all select 'lostFrom:' || stage_id, count(*) from fstay where left_day between $2 and $3 and outcome = 'lost' group by 1
        union all select coalesce('response:' || responder, 'response') || ':' || p.name,
                         case p.name when 'count' then count(*)::numeric
                              when 'p50' then round(percentile_cont(0.5) within group (order by response_seconds)::numeric, 3)
                              else round(percentile_cont(0.9) within group (order by response_seconds)::numeric, 3) end
          from fresponse cross join (values ('count'), ('p50'), ('p90')) p(name)
         group by grouping sets ((responder, p.name), (p.name))
        """;

    /// <summary>The dashboard's figures for the period, narrowed by <paramref name="filter"/> (null: all).</summary>
    public static Task<Dictionary<string, decimal>> FromEventsAsync(NpgsqlDataSource system, Guid tenantId, DateOnly from, DateOnly to, SalesFilter? filter = null) =>
        SalesOracleSql.FiguresAsync(system, Counters, tenantId, from, to, filter);

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

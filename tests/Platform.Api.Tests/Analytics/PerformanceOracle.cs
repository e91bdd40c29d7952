using System.Text.Json;
using Npgsql;
using Platform.Read.Analytics;

namespace Platform.Api.Tests.Analytics;

/// <summary>
/// The pipeline performance figures computed from scratch by plain SQL over the event table (see <see cref="SalesOracleSql"/>),
/// and the same figures read off a /api/analytics/pipeline/performance answer, as flat name → value maps.
/// </summary>
internal static class PerformanceOracle
{
    private const string Select = """

        , ended as (select * from fstay where left_day between $2 and $3)
        select 'stage:' || stage_id || ':entered', count(*)::numeric from fstay where entered_day between $2 and $3 group by stage_id
        union all select 'stage:' || stage_id || ':advanced', count(*) from ended where outcome in ('advanced', 'won') group by stage_id
        union all select 'stage:' || stage_id || ':lost', count(*) from ended where outcome = 'lost' group by stage_id
        union all select 'stage:' || stage_id || ':average', round(avg(seconds)::numeric, 3) from ended group by stage_id
        union all select 'stage:' || stage_id || ':p90', round(percentile_cont(0.9) within group (order by seconds)::numeric, 3) from ended group by stage_id
        union all select 'won', count(*) from ended where outcome = 'won'
        union all select 'lost', count(*) from ended where outcome = 'lost'
        union all select 'person:' || owner_id || ':opened', count(*) from fopp where opened_day between $2 and $3 group by owner_id
        union all select 'person:' || owner_id || ':' || outcome, count(*) from ended where outcome in ('won', 'lost') group by owner_id, outcome
        union all select 'person:' || owner_id || ':wonAmount:' || (next_data->'amount'->>'currency'), sum((next_data->'amount'->>'amount')::numeric)
          from ended where outcome = 'won' group by 1
        union all select 'person:' || responder || ':responded', count(*) from fresponse group by responder
        union all select 'person:' || responder || ':p50', round(percentile_cont(0.5) within group (order by response_seconds)::numeric, 3)
          from fresponse group by responder
        union all select 'person:' || responder || ':p90', round(percentile_cont(0.9) within group (order by response_seconds)::numeric, 3)
          from fresponse group by responder
        """;

    public static Task<Dictionary<string, decimal>> FromEventsAsync(NpgsqlDataSource system, Guid tenantId, DateOnly from, DateOnly to, SalesFilter? filter = null) =>
        SalesOracleSql.FiguresAsync(system, Select, tenantId, from, to, filter);

    public static Dictionary<string, decimal> Figures(JsonElement answer)
    {
        var figures = new Dictionary<string, decimal> { ["won"] = answer.GetProperty("won").GetInt64(), ["lost"] = answer.GetProperty("lost").GetInt64() };
        foreach (var s in answer.GetProperty("stages").EnumerateArray())
        {
            var key = $"stage:{s.GetProperty("stageId").GetGuid():D}";
            Counts(figures, key, s, "entered", "advanced", "lost");
            Seconds(figures, $"{key}:average", s.GetProperty("averageSeconds"));
            Seconds(figures, $"{key}:p90", s.GetProperty("p90Seconds"));
        }
        foreach (var p in answer.GetProperty("salespeople").EnumerateArray())
        {
            var key = $"person:{p.GetProperty("userId").GetGuid():D}";
            Counts(figures, key, p, "opened", "won", "lost", "responded");
            foreach (var w in p.GetProperty("wonAmount").EnumerateArray()) figures[$"{key}:wonAmount:{w.GetProperty("currency").GetString()}"] = w.GetProperty("amount").GetDecimal();
            Seconds(figures, $"{key}:p50", p.GetProperty("responseP50Seconds"));
            Seconds(figures, $"{key}:p90", p.GetProperty("responseP90Seconds"));
        }
        return figures;
    }

    /// <summary>Counts above zero only: the oracle has a row only for what happened.</summary>
    private static void Counts(Dictionary<string, decimal> figures, string key, JsonElement item, params string[] names)
    {
        foreach (var name in names)
        {
            if (item.GetProperty(name).GetInt64() > 0) figures[$"{key}:{name}"] = item.GetProperty(name).GetInt64();
        }
    }

    private static void Seconds(Dictionary<string, decimal> figures, string key, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number) figures[key] = Math.Round((decimal)value.GetDouble(), 3);
    }
}

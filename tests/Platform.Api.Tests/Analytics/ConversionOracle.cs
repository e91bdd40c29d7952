using System.Text.Json;
using Npgsql;
using Platform.Read.Analytics;

namespace Platform.Api.Tests.Analytics;

/// <summary>
/// The lead-to-won conversion computed from scratch by plain SQL over the event table (see <see cref="SalesOracleSql"/>),
/// and the same figures read off a /api/analytics/opportunities/conversion answer, as flat name → value maps.
/// </summary>
internal static class ConversionOracle
{
    private const string Select = """

        , cohort as (select source, to_char(created_day, 'YYYY-MM') as month, converted_day, outcome from flead where created_day between $2 and $3)
        , groups as (select case when grouping(source) = 0 then 'source:' || source when grouping(month) = 0 then 'month:' || month else 'cohort' end as g,
                            count(*)::numeric as leads, count(converted_day)::numeric as converted, count(*) filter (where outcome = 'won')::numeric as won
                       from cohort group by grouping sets ((), (source), (month)))
        select g || ':leads', leads from groups
        union all select g || ':converted', converted from groups
        union all select g || ':won', won from groups
        union all select 'closed:won', count(*) from fstay where left_day between $2 and $3 and outcome = 'won'
        union all select 'closed:lost', count(*) from fstay where left_day between $2 and $3 and outcome = 'lost'
        """;

    public static Task<Dictionary<string, decimal>> FromEventsAsync(NpgsqlDataSource system, Guid tenantId, DateOnly from, DateOnly to, SalesFilter? filter = null) =>
        SalesOracleSql.FiguresAsync(system, Select, tenantId, from, to, filter);

    public static Dictionary<string, decimal> Figures(JsonElement answer)
    {
        var figures = new Dictionary<string, decimal>();
        Cohort(figures, "cohort", answer.GetProperty("cohort"));
        foreach (var s in answer.GetProperty("bySource").EnumerateArray()) Cohort(figures, $"source:{s.GetProperty("source").GetString()}", s.GetProperty("conversion"));
        foreach (var m in answer.GetProperty("byMonth").EnumerateArray()) Cohort(figures, $"month:{m.GetProperty("month").GetString()}", m.GetProperty("conversion"));
        var closed = answer.GetProperty("closed");
        figures["closed:won"] = closed.GetProperty("won").GetInt64();
        figures["closed:lost"] = closed.GetProperty("lost").GetInt64();
        return figures;
    }

    private static void Cohort(Dictionary<string, decimal> figures, string key, JsonElement c)
    {
        foreach (var name in new[] { "leads", "converted", "won" }) figures[$"{key}:{name}"] = c.GetProperty(name).GetInt64();
    }
}

using System.Globalization;
using System.Text.Json;

namespace Platform.Benchmarks.Search;

/// <summary>The figures as a table for people, then one JSON line (always the last line on stdout) for scripts.</summary>
internal static class SearchReport
{
    public static void Write(IReadOnlyList<SearchCaseResult> results, int rounds, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"search: {rounds} rounds of 100 sequential queries per side, milliseconds"));
        output.WriteLine($"{"case",-14} {"api p50",8} {"api p95",8} {"sql p50",8} {"sql p95",8} {"ratio",6} {"target p95",11} {"ratio",6}  met");
        foreach (var r in results)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Case.Name,-14} {r.ApiP50,8:F2} {r.ApiP95,8:F2} {r.SqlP50,8:F2} {r.SqlP95,8:F2} {r.Ratio,6:F2} {"<= " + r.Case.TargetP95Ms,11} " +
                $"{"<= " + SearchCase.TargetRatio.ToString("F1", CultureInfo.InvariantCulture),6}  {(r.MeetsTargets ? "yes" : "NO")}"));
        }
        var json = new
        {
            scenario = "search",
            cases = results.Select(r => new Dictionary<string, object>
            {
                ["name"] = r.Case.Name,
                ["api_p50_ms"] = Math.Round(r.ApiP50, 2),
                ["api_p95_ms"] = Math.Round(r.ApiP95, 2),
                ["sql_p50_ms"] = Math.Round(r.SqlP50, 2),
                ["ratio_p50"] = Math.Round(r.Ratio, 3),
            }),
        };
        output.WriteLine(JsonSerializer.Serialize(json));
    }
}

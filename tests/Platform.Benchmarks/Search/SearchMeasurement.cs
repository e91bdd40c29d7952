using System.Diagnostics;
using System.Text.Json;

namespace Platform.Benchmarks.Search;

/// <summary>Latencies of one case on both sides, in milliseconds.</summary>
internal sealed record SearchCaseResult(SearchCase Case, IReadOnlyList<double> Api, IReadOnlyList<double> Sql)
{
    public double ApiP50 => Percentile(Api, 0.50);
    public double ApiP95 => Percentile(Api, 0.95);
    public double SqlP50 => Percentile(Sql, 0.50);
    public double SqlP95 => Percentile(Sql, 0.95);
    public double Ratio => ApiP50 / SqlP50;
    public bool MeetsTargets => ApiP95 <= Case.TargetP95Ms && Ratio <= SearchCase.TargetRatio;

    private static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}

/// <summary>
/// Sequential requests, the API and the SQL side taking turns on the same query, so both meet the
/// same cache state and the same noise; warm-up turns first, then rounds of measured turns.
/// </summary>
internal static class SearchMeasurement
{
    private const int WarmupTurns = 20;
    private const int TurnsPerRound = 100;

    public static async Task<SearchCaseResult> RunAsync(SearchHost host, SqlSide sql, SearchCase search, int rounds, CancellationToken ct)
    {
        var api = new List<double>();
        var raw = new List<double>();
        for (var turn = 0; turn < WarmupTurns + rounds * TurnsPerRound; turn++)
        {
            var apiMs = await TimeAsync(() => ApiAsync(host, search, turn, ct));
            var sqlMs = await TimeAsync(() => sql.RunAsync(search, search.Query(turn), ct));
            if (turn < WarmupTurns) continue;
            api.Add(apiMs);
            raw.Add(sqlMs);
        }
        return new SearchCaseResult(search, api, raw);
    }

    /// <summary>Checks once that both sides find the same number of listings, so they measure the same work.</summary>
    public static async Task CheckAsync(SearchHost host, SqlSide sql, SearchCase search, TextWriter log, CancellationToken ct)
    {
        for (var turn = 0; turn < search.Variants.Count; turn++)
        {
            var api = await ApiAsync(host, search, turn, ct);
            var raw = await sql.RunAsync(search, search.Query(turn), ct);
            if (api != raw) throw new InvalidOperationException($"{search.Name} '{search.Variants[turn]}': the API found {api}, the SQL side {raw}.");
            if (api == 0) throw new InvalidOperationException($"{search.Name} '{search.Variants[turn]}' finds nothing; it would measure nothing.");
            log.WriteLine($"  {search.Name,-14} {search.Path(turn)} -> {api:N0}{(api >= 1_000 ? "+" : "")}");
        }
    }

    private static async Task<long> ApiAsync(SearchHost host, SearchCase search, int turn, CancellationToken ct)
    {
        using var response = await host.Client.GetAsync(new Uri(search.Path(turn), UriKind.Relative), ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{search.Path(turn)} answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("totalCount").GetInt64();
    }

    private static async Task<double> TimeAsync(Func<Task<long>> run)
    {
        var clock = Stopwatch.StartNew();
        await run();
        return clock.Elapsed.TotalMilliseconds;
    }
}

using System.Globalization;
using System.Text.Json;
using Platform.Benchmarks.Common;
using Platform.Projections.Daemon;

namespace Platform.Benchmarks.Projections;

/// <summary>The rebuild cases and the lag as tables for people, then one JSON line (always the last line on stdout) for scripts.</summary>
internal static class ProjectionsReport
{
    public static void Write(
        IReadOnlyList<CaseResult> rebuilds, CaseResult? headline, int events, int rounds, LagResult? lag, TextWriter output)
    {
        output.WriteLine();
        if (rebuilds.Count > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rebuild: {events:N0} events from position zero, median of {rounds} rounds, events per second"));
            output.WriteLine($"{"case",-14} {"ours ev/s",10} {"raw ev/s",10} {"ratio",7} {"target",8}  met   rounds ours | raw");
            foreach (var r in rebuilds)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Name,-14} {r.Ours,10:N0} {r.Raw,10:N0} {r.Ratio,7:F3} {">= " + r.Target.ToString("F1", CultureInfo.InvariantCulture),8}  " +
                    $"{(r.MeetsTarget ? "yes" : "NO"),-4}  {Rounds(r.OursRounds)} | {Rounds(r.RawRounds)}"));
            }
            var isDefault = headline!.Name == RebuildRunner.CaseName(new ProjectionOptions().BatchSize);
            output.WriteLine($"the JSON's rebuild figures are {headline.Name}{(isDefault ? " (the daemon's default BatchSize)" : "")}");
        }
        if (lag is not null)
        {
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"lag: {lag.Load.Rate:N0} appends/s achieved ({lag.Load.Appended:N0} in {lag.Load.Elapsed.TotalSeconds:F1} s, worst start " +
                $"{lag.Load.WorstLateness.TotalMilliseconds:F1} ms late), {lag.ApplyTransactions:N0} apply transactions, append commit to read-model commit"));
            output.WriteLine($"{"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}  {"target",12}  met");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{lag.P50Ms,8:F1} {lag.P95Ms,8:F1} {lag.P99Ms,8:F1} {lag.MaxMs,8:F1}  {"p95 < " + LagResult.TargetP95Ms.ToString("F0", CultureInfo.InvariantCulture),12}  " +
                $"{(lag.MeetsTarget ? "yes" : "NO")}"));
        }

        var json = new
        {
            scenario = ProjectionsBenchmark.Scenario,
            rebuild_ours = headline is null ? (double?)null : Math.Round(headline.Ours),
            rebuild_raw = headline is null ? (double?)null : Math.Round(headline.Raw),
            ratio = headline is null ? (double?)null : Math.Round(headline.Ratio, 3),
            lag_p50_ms = lag is null ? (double?)null : Math.Round(lag.P50Ms, 1),
            lag_p95_ms = lag is null ? (double?)null : Math.Round(lag.P95Ms, 1),
        };
        output.WriteLine(JsonSerializer.Serialize(json));
    }

    private static string Rounds(IReadOnlyList<double> rates) =>
        string.Join(' ', rates.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)));
}

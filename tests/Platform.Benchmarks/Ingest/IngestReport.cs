using System.Globalization;
using System.Text.Json;
using Platform.Benchmarks.Common;

namespace Platform.Benchmarks.Ingest;

/// <summary>Every round of both sides; the figures are medians over the rounds.</summary>
internal sealed record IngestResults(
    IReadOnlyList<double> Ceilings, IReadOnlyList<IngestRound> Ours, IReadOnlyList<CpuUse> CeilingCpu, IReadOnlyList<CpuUse> OursCpu, int Messages)
{
    /// <summary>Median CPU milliseconds per 1,000 messages of one part of a side.</summary>
    public double CpuPerThousand(IReadOnlyList<CpuUse> side, Func<CpuUse, double> part) => Median.Of([.. side.Select(part)]) * 1_000_000 / Messages;

    public double Ceiling => Median.Of(Ceilings);

    public double Rate => Median.Of([.. Ours.Select(r => r.Rate)]);

    public double Ratio => Ceiling > 0 ? Rate / Ceiling : 0;

    public double P50 => Median.Of([.. Ours.Select(r => r.P50)]);

    public double P95 => Median.Of([.. Ours.Select(r => r.P95)]);

    public double P99 => Median.Of([.. Ours.Select(r => r.P99)]);
}

/// <summary>The figures for people, then one JSON line (always the last line on stdout) for scripts.</summary>
internal static class IngestReport
{
    public const double Target = 0.5;

    public static void Write(IngestResults results, int rounds, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine(string.Create(c, $"ingest: median of {rounds} rounds"));
        output.WriteLine(string.Create(c, $"ceiling    {results.Ceiling,10:N0} msg/s       (mosquitto_pub -> mosquitto_sub)   rounds {Join(results.Ceilings)}"));
        output.WriteLine(string.Create(c, $"ours       {results.Rate,10:N0} readings/s  (devices -> broker -> ingest -> commit)  rounds {Join([.. results.Ours.Select(r => r.Rate)])}"));
        output.WriteLine(string.Create(c, $"ratio      {results.Ratio,10:F3}             target >= {Target:F1}  met {(results.Ratio >= Target ? "yes" : "NO")}"));
        output.WriteLine(string.Create(c, $"latency    publish to ack (after commit): p50 {results.P50:F1} ms  p95 {results.P95:F1} ms  p99 {results.P99:F1} ms"));
        var cpu = (IReadOnlyList<CpuUse> side, Func<CpuUse, double> part) => results.CpuPerThousand(side, part);
        output.WriteLine(string.Create(c,
            $"cpu        ms per 1,000 messages, ceiling: broker {cpu(results.CeilingCpu, u => u.Broker):F0} + mosquitto_pub/sub {cpu(results.CeilingCpu, u => u.Children):F0}; " +
            $"ours: broker {cpu(results.OursCpu, u => u.Broker):F0} + devices and ingest (.NET) {cpu(results.OursCpu, u => u.Process):F0} + PostgreSQL {cpu(results.OursCpu, u => u.Postgres):F0}"));
        var json = new Dictionary<string, object>
        {
            ["scenario"] = IngestBenchmark.Scenario,
            ["ceiling"] = Math.Round(results.Ceiling),
            ["ours"] = Math.Round(results.Rate),
            ["ratio"] = Math.Round(results.Ratio, 3),
            ["latency_p95_ms"] = Math.Round(results.P95, 1),
        };
        output.WriteLine(JsonSerializer.Serialize(json));
    }

    private static string Join(IReadOnlyList<double> rates) => string.Join(' ', rates.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)));
}

using System.Diagnostics;

namespace Platform.Benchmarks.Analytics;

/// <summary>One variant of the dashboard request (a period, a filter) and its latencies per round, in milliseconds.</summary>
internal sealed record DashboardVariant(string Name, string Path);

internal sealed record DashboardRound(double P50, double P95, double P99);

/// <summary>Sequential requests over loopback HTTP after a warm-up; each round gives its percentiles.</summary>
internal static class DashboardMeasurement
{
    public const int WarmupRequests = 50;
    public const int RequestsPerRound = 300;

    public static async Task<DashboardRound> RunAsync(HttpClient client, DashboardVariant variant, CancellationToken ct)
    {
        for (var i = 0; i < WarmupRequests; i++) await GetAsync(client, variant.Path, ct);
        var times = new double[RequestsPerRound];
        for (var i = 0; i < RequestsPerRound; i++)
        {
            var clock = Stopwatch.StartNew();
            await GetAsync(client, variant.Path, ct);
            times[i] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return new DashboardRound(Percentile(times, 0.50), Percentile(times, 0.95), Percentile(times, 0.99));
    }

    private static async Task GetAsync(HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseContentRead, ct);
        response.EnsureSuccessStatusCode();
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

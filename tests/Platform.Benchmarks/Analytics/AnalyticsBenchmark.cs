using System.Globalization;
using Platform.Benchmarks.Common;
using Platform.Benchmarks.Search;
using Platform.Write.Storage;

namespace Platform.Benchmarks.Analytics;

/// <summary>
/// The analytics dashboard of a dealership with two years of history and 50,000 leads, on a private cluster:
/// p50, p95 and p99 of GET /api/analytics/dashboard over loopback HTTP, for the default period (last 30 days),
/// the last 12 months and with a lead-source filter; the median of the rounds. Target: p95 under 50 ms.
/// </summary>
internal static class AnalyticsBenchmark
{
    public const string Scenario = "analytics";
    public const double TargetP95Ms = 50;
    private const string Database = "analytics";

    public static async Task<int> RunAsync(BenchmarkArguments args, CancellationToken ct)
    {
        if (args.Profile || args.FromEmpty) throw new UsageException($"{Scenario} has no --profile or --from-empty.");
        await using var cluster = await BenchmarkCluster.StartAsync(new Dictionary<string, string> { ["shared_buffers"] = "256MB" }, ct);
        await cluster.Postgres.CreateDatabaseAsync(Database, ct);
        var connectionString = cluster.Postgres.ConnectionString(Database);
        await using var system = PlatformDataSource.Create(connectionString);
        await MachineInfo.WriteAsync(system, Console.Out, ct);

        await using var host = await SearchHost.StartAsync(connectionString, ct);
        var (tenantId, client) = await AnalyticsSeed.CreateAsync(host, system, args.Scale(50_000), Console.Out, ct);
        using var _ = client;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Bogota")).DateTime);
        var variants = new DashboardVariant[]
        {
            new("default", "/api/analytics/dashboard"),
            new("12-months", string.Create(CultureInfo.InvariantCulture, $"/api/analytics/dashboard?from={today.AddMonths(-12).AddDays(1):yyyy-MM-dd}&to={today:yyyy-MM-dd}")),
            new("source-filter", "/api/analytics/dashboard?source=webhook"),
        }.Where(v => args.Includes(v.Name)).ToList();

        var results = new List<(DashboardVariant Variant, DashboardRound Median)>();
        foreach (var variant in variants)
        {
            var rounds = new List<DashboardRound>();
            for (var round = 0; round < args.Rounds; round++) rounds.Add(await DashboardMeasurement.RunAsync(client, variant, ct));
            results.Add((variant, new DashboardRound(
                Median.Of([.. rounds.Select(r => r.P50)]), Median.Of([.. rounds.Select(r => r.P95)]), Median.Of([.. rounds.Select(r => r.P99)]))));
            Console.Error.WriteLine($"{variant.Name}: done");
        }

        Console.WriteLine($"dashboard:  {DashboardMeasurement.RequestsPerRound} requests per round after {DashboardMeasurement.WarmupRequests} warm-up, " +
            $"median of {args.Rounds} rounds (ms)");
        Console.WriteLine($"  {"variant",-14} {"p50",8} {"p95",8} {"p99",8}  path");
        foreach (var (variant, median) in results)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {variant.Name,-14} {median.P50,8:F2} {median.P95,8:F2} {median.P99,8:F2}  {variant.Path}"));
        foreach (var (variant, median) in results.Where(r => r.Median.P95 > TargetP95Ms))
        {
            var period = variant.Name == "12-months" ? (today.AddMonths(-12).AddDays(1), today) : (today.AddDays(-29), today);
            await DashboardExplain.WriteAsync(host.Services, tenantId, period.Item1, period.Item2, Console.Error, ct);
        }
        var p95 = results.FirstOrDefault(r => r.Variant.Name == "default").Median?.P95 ?? results[0].Median.P95;
        Console.WriteLine(p95 <= TargetP95Ms ? $"target:     met (p95 under {TargetP95Ms} ms)" : $"target:     MISSED (p95 over {TargetP95Ms} ms)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $$"""{"scenario":"analytics","dashboard_p95_ms":{{Math.Round(p95, 2)}}}"""));
        return 0;
    }
}

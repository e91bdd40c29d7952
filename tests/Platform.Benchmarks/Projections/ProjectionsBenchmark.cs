using Npgsql;
using Platform.Benchmarks.Common;
using Platform.Projections.Daemon;

namespace Platform.Benchmarks.Projections;

/// <summary>
/// How fast the projection daemon rebuilds a read model compared with a hand-written loop doing the
/// same upserts, and how far the read model lags behind a steady stream of appends, on a private
/// cluster with real durability.
/// </summary>
internal static class ProjectionsBenchmark
{
    public const string Scenario = "projections";
    private const string LagCase = "lag";
    private const int AppendsPerSecond = 1_000;
    private static readonly int[] BatchSizes = [500, 1_000, 2_000];

    // Commit timestamps time both the rebuilds' ends and every event's lag (see LagMeasurement).
    private static readonly Dictionary<string, string> Settings = new() { ["track_commit_timestamp"] = "on" };

    public static async Task<int> RunAsync(BenchmarkArguments args, CancellationToken ct)
    {
        var names = BatchSizes.Select(RebuildRunner.CaseName).Append(LagCase).ToList();
        var unknown = args.Cases?.Where(c => !names.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown is { Count: > 0 })
            throw new UsageException($"Unknown case(s) {string.Join(", ", unknown)}; {Scenario} has {string.Join(", ", names)}.");
        if (args.Profile || args.FromEmpty) throw new UsageException($"{Scenario} has no --profile or --from-empty.");

        await using var cluster = await BenchmarkCluster.StartAsync(Settings, ct);
        var postgres = cluster.Postgres;
        await using (var server = NpgsqlDataSource.Create(postgres.ConnectionString()))
            await MachineInfo.WriteAsync(server, Console.Out, ct);

        var full = await EventsSeed.CreateAsync(postgres, "events_seed", args.Scale(200_000), ct);
        var warmup = await EventsSeed.CreateAsync(postgres, "warmup_seed", full.Events / 10, ct);
        Console.WriteLine(
            $"events:     {full.Events:N0} ItemNoted events over {EventsSeed.Streams:N0} streams of {EventsSeed.Tenants.Count} tenants, " +
            "bulk-appended and vacuumed in a template; every run on a fresh copy of it, after a checkpoint");

        var runner = new RebuildRunner(postgres, full, warmup, args.Rounds, Console.Error);
        var rebuilds = new List<CaseResult>();
        foreach (var size in BatchSizes.Where(s => args.Includes(RebuildRunner.CaseName(s))))
            rebuilds.Add(await runner.RunAsync(size, ct));

        LagResult? lag = null;
        if (args.Includes(LagCase))
            lag = await LagMeasurement.RunAsync(postgres, full, AppendsPerSecond, TimeSpan.FromSeconds(args.Scale(20)), Console.Error, ct);

        // The figure is the daemon as deployed: its default batch size, when that case ran.
        var defaultCase = RebuildRunner.CaseName(new ProjectionOptions().BatchSize);
        var headline = rebuilds.FirstOrDefault(r => r.Name == defaultCase) ?? rebuilds.FirstOrDefault();
        ProjectionsReport.Write(rebuilds, headline, full.Events, args.Rounds, lag, Console.Out);
        return 0;
    }
}

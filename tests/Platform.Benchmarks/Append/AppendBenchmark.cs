using Platform.Benchmarks.Common;

namespace Platform.Benchmarks.Append;

/// <summary>
/// How fast the event store appends compared with plain SQL writing the same rows to the same
/// kind of table, on a private cluster with real durability.
/// </summary>
internal static class AppendBenchmark
{
    public const string Scenario = "append";
    private const string Database = "bench";

    private static readonly (string Name, Func<BenchmarkArguments, AppendDatabase, Comparison> Create)[] Cases =
    [
        ("single-1w", (args, db) => SingleAppendCase.Create("single-1w", writers: 1, args.Scale(20_000), db)),
        ("single-8w", (args, db) => SingleAppendCase.Create("single-8w", writers: 8, args.Scale(20_000), db)),
        ("single-1w-personal", (args, db) => PersonalAppendCase.Create(args.Scale(20_000), db)),
        ("batch100", (args, db) => BatchAppendCase.Create(args.Scale(50_000), db)),
        ("bulk", (args, db) => BulkAppendCase.Create(args.Scale(200_000), db)),
    ];

    public static async Task<int> RunAsync(BenchmarkArguments args, CancellationToken ct)
    {
        var unknown = args.Cases?.Where(name => !Cases.Any(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown is { Count: > 0 })
            throw new UsageException($"Unknown case(s) {string.Join(", ", unknown)}; {Scenario} has {string.Join(", ", Cases.Select(c => c.Name))}.");

        var settings = args.Profile ? StatementProfile.ServerSettings : new Dictionary<string, string>();
        await using var cluster = await BenchmarkCluster.StartAsync(settings, ct);
        await cluster.Postgres.CreateDatabaseAsync(Database, ct);
        await using var db = await AppendDatabase.CreateAsync(cluster.Postgres.ConnectionString(Database), args.FromEmpty, ct, args.Chain);
        await MachineInfo.WriteAsync(db.Admin, Console.Out, ct);
        Console.WriteLine(args.FromEmpty
            ? "tables:     truncated before every run (never analyzed); checkpoint before every run"
            : $"tables:     truncated, then {SeedHistory.Events:N0} events of {SeedHistory.Tenants} other tenants in both and analyzed, then a checkpoint, before every run");

        StatementProfile? profile = null;
        if (args.Profile)
        {
            profile = new StatementProfile(db.Admin);
            await profile.InstallAsync(ct);
        }

        var runner = new ComparisonRunner(args.Rounds, db, Console.Error, profile);
        var results = new List<CaseResult>();
        foreach (var (name, create) in Cases)
        {
            // Built only when chosen: the bulk case prepares its readings up front.
            if (args.Includes(name)) results.Add(await runner.RunAsync(create(args, db), ct));
        }

        ResultReport.Write(Scenario, results, args.Rounds, Console.Out);
        Console.WriteLine($"chain:      {args.Chain}");
        if (db.Sealer is { } sealer)
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"sealer:     {sealer.Sealed:N0} events sealed in {sealer.Busy.TotalSeconds:N1} s busy ({sealer.Sealed / Math.Max(0.001, sealer.Busy.TotalSeconds):N0} ev/s)"));
        return 0;
    }
}

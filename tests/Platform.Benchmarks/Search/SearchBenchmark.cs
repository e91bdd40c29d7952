using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Benchmarks.Common;
using Platform.Write.Storage;

namespace Platform.Benchmarks.Search;

/// <summary>
/// Buyers' search with 200,000 listings over 50 tenants of Zipf-like sizes, on a private cluster:
/// p50 and p95 through the HTTP API of a two-word query in the largest tenant, the same with a typo,
/// a facet query, and a network query, against the same statements sent straight to PostgreSQL.
/// </summary>
internal static class SearchBenchmark
{
    public const string Scenario = "search";
    private const string Database = "search";

    public static async Task<int> RunAsync(BenchmarkArguments args, CancellationToken ct)
    {
        if (args.Profile || args.FromEmpty) throw new UsageException($"{Scenario} has no --profile or --from-empty.");
        await using var cluster = await BenchmarkCluster.StartAsync(new Dictionary<string, string> { ["shared_buffers"] = "512MB" }, ct);
        await cluster.Postgres.CreateDatabaseAsync(Database, ct);
        var connectionString = cluster.Postgres.ConnectionString(Database);
        await using var system = PlatformDataSource.Create(connectionString);
        await MachineInfo.WriteAsync(system, Console.Out, ct);

        await using var host = await SearchHost.StartAsync(connectionString, ct);
        var tenants = await SearchSeed.CreateAsync(host, system, args.Scale(200_000), Console.Out, ct);
        var largest = tenants.Single(t => t.Rank == 1);
        var cases = SearchCase.For(largest).Where(c => args.Includes(c.Name)).ToList();
        if (cases.Count == 0) throw new UsageException($"No such case; {Scenario} has {string.Join(", ", SearchCase.For(largest).Select(c => c.Name))}.");

        var sql = new SqlSide(host.Services.GetRequiredKeyedService<NpgsqlDataSource>("tenant"));
        Console.WriteLine($"queries:    the largest tenant ({largest.Slug}, {largest.Listings:N0} listings) and the network; matches per query:");
        foreach (var search in cases) await SearchMeasurement.CheckAsync(host, sql, search, Console.Out, ct);
        var results = new List<SearchCaseResult>();
        foreach (var search in cases)
        {
            results.Add(await SearchMeasurement.RunAsync(host, sql, search, args.Rounds, ct));
            Console.Error.WriteLine($"{search.Name}: done");
        }
        SearchReport.Write(results, args.Rounds, Console.Out);
        return 0;
    }
}

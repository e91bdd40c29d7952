using System.Diagnostics;
using System.Globalization;
using Platform.Write.Storage;

namespace Platform.Benchmarks.Common;

/// <summary>
/// A private PostgreSQL cluster with real durability (fsync and synchronous_commit on) in a temp
/// folder of its own; disposing stops it and deletes the folder, whatever state it got to.
/// </summary>
internal sealed class BenchmarkCluster : IAsyncDisposable
{
    private const string Prefix = "platform-bench-";
    private readonly string root;
    private LocalPostgres? postgres;

    private BenchmarkCluster(string root) => this.root = root;

    public LocalPostgres Postgres => postgres ?? throw new InvalidOperationException("The cluster is not running.");

    public static async Task<BenchmarkCluster> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken ct)
    {
        await RemoveLeftoversAsync();
        var name = string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        var cluster = new BenchmarkCluster(Path.Combine(Path.GetTempPath(), name));
        Directory.CreateDirectory(cluster.root);
        try
        {
            cluster.postgres = await LocalPostgres.StartAsync(
                new LocalPostgresOptions(DataDirectory(cluster.root)) { Durable = true, Settings = settings }, ct: ct);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (postgres is not null) await postgres.StopAsync(ct: CancellationToken.None);
        await DeleteAsync(root);
    }

    private static string DataDirectory(string root) => Path.Combine(root, "data");

    // A start cancelled half way can leave a postmaster that LocalPostgres never handed us.
    private static async Task DeleteAsync(string root)
    {
        await LocalPostgres.StopRunningAsync(DataDirectory(root), immediate: true, CancellationToken.None);
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    /// <summary>A killed run cannot clean up after itself; the next one stops its cluster and deletes its folder.</summary>
    private static async Task RemoveLeftoversAsync()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            var rest = Path.GetFileName(folder)[Prefix.Length..];
            var dash = rest.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && int.TryParse(rest[..dash], CultureInfo.InvariantCulture, out var pid) && !IsRunning(pid))
                await DeleteAsync(folder);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}

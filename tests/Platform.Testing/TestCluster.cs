using Platform.Write.Storage;

namespace Platform.Testing;

/// <summary>One private, non-durable PostgreSQL cluster for the whole test process, removed when it exits.</summary>
public static class TestCluster
{
    private static readonly Lazy<Task<LocalPostgres>> Cluster = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Task<LocalPostgres> SharedAsync() => Cluster.Value;

    private static async Task<LocalPostgres> StartAsync()
    {
        await TestDirectories.RemoveLeftoversAsync();
        var root = TestDirectories.Create();

        // Registered before starting, so a half-started cluster is cleaned up too. A killed test
        // process never gets here; the next run's RemoveLeftoversAsync handles that.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TestDirectories.DeleteAsync(root).GetAwaiter().GetResult();

        return await LocalPostgres.StartAsync(new LocalPostgresOptions(Path.Combine(root, "data")) { Durable = false });
    }
}

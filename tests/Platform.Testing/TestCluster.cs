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

        var cluster = await LocalPostgres.StartAsync(new LocalPostgresOptions(Path.Combine(root, "data")) { Durable = false });

        // Roles are cluster-wide but the migration lock is per database: test classes migrating their
        // own databases at once would race to create the tenancy access role, so it exists up front.
        await using var connection = new Npgsql.NpgsqlConnection(cluster.ConnectionString() + ";Pooling=false");
        await connection.OpenAsync();
        await using var role = new Npgsql.NpgsqlCommand("create role platform_tenant_access nologin nosuperuser nobypassrls", connection);
        await role.ExecuteNonQueryAsync();
        return cluster;
    }
}

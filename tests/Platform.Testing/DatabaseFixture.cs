using Npgsql;
using Platform.Write.Storage;
using Xunit;

namespace Platform.Testing;

/// <summary>
/// A fresh, empty database on the shared test cluster for one test class
/// (<c>IClassFixture&lt;DatabaseFixture&gt;</c>). No schema: tests run the migrations they need.
/// </summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    private LocalPostgres? cluster;
    private NpgsqlDataSource? dataSource;

    public string DatabaseName { get; } = $"test_{Guid.NewGuid():N}";

    public string ConnectionString { get; private set; } = "";

    public NpgsqlDataSource DataSource =>
        dataSource ?? throw new InvalidOperationException("DatabaseFixture is used before xunit initialised it.");

    public async Task InitializeAsync()
    {
        cluster = await TestCluster.SharedAsync();
        await cluster.CreateDatabaseAsync(DatabaseName);
        ConnectionString = cluster.ConnectionString(DatabaseName);
        dataSource = PlatformDataSource.Create(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (dataSource is not null)
        {
            await dataSource.DisposeAsync();
        }

        if (cluster is null)
        {
            return;
        }

        // Forced, because a test may leave a connection open (a listener, a held lock).
        await using var connection = new NpgsqlConnection(cluster.ConnectionString() + ";Pooling=false");
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists \"{DatabaseName}\" with (force)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

using Platform.Write.Storage;

namespace Platform.Api.Hosting;

/// <summary>Runs the embedded mode's private PostgreSQL cluster for as long as the host runs.</summary>
internal sealed class EmbeddedPostgresService(
    IConfiguration configuration, PlatformDatabase database, ILogger<EmbeddedPostgresService> logger)
    : IHostedService, IAsyncDisposable
{
    public const string DatabaseName = "platform";
    public const int DefaultPort = 55432;

    private LocalPostgres? cluster;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var dataRoot = configuration["Platform:DataDirectory"];
        var options = new LocalPostgresOptions(Path.GetFullPath(Path.Combine(string.IsNullOrWhiteSpace(dataRoot) ? ".data" : dataRoot, "postgres")))
        {
            Port = configuration.GetValue<int?>("Platform:EmbeddedPort") ?? DefaultPort,
            Durable = true,
        };

        cluster = await LocalPostgres.StartAsync(options, logger, cancellationToken);
        await cluster.CreateDatabaseAsync(DatabaseName, cancellationToken);
        database.Use(cluster.ConnectionString(DatabaseName));
    }

    // Not cancellable: abandoning pg_ctl half way would leave the cluster running after we exit.
    public Task StopAsync(CancellationToken cancellationToken) =>
        cluster?.StopAsync(immediate: false, CancellationToken.None) ?? Task.CompletedTask;

    // Covers a host whose start-up failed after the cluster came up: StopAsync is not called then.
    public ValueTask DisposeAsync() => cluster?.DisposeAsync() ?? ValueTask.CompletedTask;
}

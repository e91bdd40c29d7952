using System.CommandLine;
using Npgsql;
using Platform.Api.Hosting;
using Platform.Write.Storage;

namespace Platform.Api.Cli;

/// <summary>
/// The database a command works on, migrated, with the host's own services over it (built, never
/// started: no HTTP, no daemon, no broker). The embedded cluster is adopted when the host is running
/// on it, and otherwise started for the command and stopped after it.
/// </summary>
internal sealed class CliDatabase : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly LocalPostgres? startedCluster;

    private CliDatabase(WebApplication app, LocalPostgres? startedCluster)
    {
        this.app = app;
        this.startedCluster = startedCluster;
    }

    public IServiceProvider Services => app.Services;

    public NpgsqlDataSource System => app.Services.GetRequiredService<NpgsqlDataSource>();

    public static async Task<CliDatabase> OpenAsync(ParseResult parse, CancellationToken ct)
    {
        var connection = parse.GetValue(CliOptions.Connection) ?? Environment.GetEnvironmentVariable("ConnectionStrings__Platform");
        LocalPostgres? started = null;
        if (string.IsNullOrWhiteSpace(connection))
        {
            var root = parse.GetValue(CliOptions.DataDirectory) ?? Environment.GetEnvironmentVariable("Platform__DataDirectory") ?? ".data";
            var folder = Path.GetFullPath(Path.Combine(root, "postgres"));
            var running = File.Exists(Path.Combine(folder, "postmaster.pid"));
            if (!running && !Directory.Exists(folder)) throw new CliException($"No hay base de datos embebida en {folder}; usa --connection o arranca la plataforma una vez.");
            var port = int.TryParse(Environment.GetEnvironmentVariable("Platform__EmbeddedPort"), out var p) ? p : EmbeddedPostgresService.DefaultPort;
            var cluster = await LocalPostgres.StartAsync(new LocalPostgresOptions(folder) { Port = port, Durable = true }, ct: ct);
            if (!running) started = cluster;
            await cluster.CreateDatabaseAsync(EmbeddedPostgresService.DatabaseName, ct);
            connection = cluster.ConnectionString(EmbeddedPostgresService.DatabaseName);
        }

        var app = PlatformApp.Build([
            $"--ConnectionStrings:Platform={connection}", "--Platform:Projections:RunDaemon=false", "--Platform:Audit:RunSealer=false",
            "--Logging:LogLevel:Default=None", "--Urls=http://127.0.0.1:0"]);
        var database = new CliDatabase(app, started);
        try
        {
            // The host's own migrations, so a command can start from an empty database (an import).
            await new DatabaseMigrationService(app.Services, app.Configuration).StartAsync(ct);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>A tenant by id or slug, known to this database's tenants or events.</summary>
    public async Task<Guid> TenantAsync(string tenant, CancellationToken ct)
    {
        var byId = Guid.TryParse(tenant, out var id);
        await using var command = System.CreateCommand(byId
            ? "select $1::uuid where exists (select 1 from tenants where tenant_id = $1::uuid) or exists (select 1 from events where tenant_id = $1::uuid)"
            : "select tenant_id from tenants where slug = $1");
        command.Parameters.Add(new() { Value = byId ? id.ToString("D") : tenant.Trim().ToLowerInvariant() });
        return await command.ExecuteScalarAsync(ct) as Guid? ?? throw new CliException($"No hay ninguna empresa '{tenant}' en esta base de datos.");
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        if (startedCluster is not null) await startedCluster.DisposeAsync();
    }
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Platform.Write.Storage;

/// <summary>
/// A private PostgreSQL cluster run from the machine's own server binaries: the embedded mode's
/// database and the tests' database, with no Docker and no shared server.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private readonly LocalPostgresOptions options;
    private readonly ClusterFiles files;
    private readonly PgCtl pgCtl;
    private readonly ILogger logger;
    private readonly string password;
    private bool running;

    private LocalPostgres(LocalPostgresOptions options, ClusterFiles files, PostgresBinaries binaries, ILogger logger)
    {
        this.options = options;
        this.files = files;
        this.logger = logger;
        pgCtl = new PgCtl(binaries, files);
        password = files.ReadOrCreatePassword();
    }

    public int Port { get; private set; }

    public string DataDirectory => files.DataDirectory;

    /// <summary>Initialises the data folder if it is new, then starts the server, or adopts one already running on it.</summary>
    public static async Task<LocalPostgres> StartAsync(LocalPostgresOptions options, ILogger? logger = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        logger ??= NullLogger.Instance;
        var files = new ClusterFiles(options.DataDirectory);
        Directory.CreateDirectory(files.ParentDirectory);
        await PostgresCommand.EnsureServerUserCanReachAsync(files.ParentDirectory, ct);

        var binaries = PostgresBinaries.Find(files.MajorVersion);
        if (!files.IsInitialized)
        {
            await ClusterInitializer.InitializeAsync(files, binaries, options.Durable, logger, ct);
        }

        var cluster = new LocalPostgres(options, files, binaries, logger);
        cluster.Port = await ClusterLauncher.StartOrAdoptAsync(files, cluster.pgCtl, options, logger, ct);
        cluster.running = true;
        return cluster;
    }

    /// <summary>Stops whatever postmaster runs on a data folder, if any: for cleaning up after a dead process.</summary>
    public static async Task StopRunningAsync(string dataDirectory, bool immediate = false, CancellationToken ct = default)
    {
        var files = new ClusterFiles(dataDirectory);
        if (files.ReadPostmaster()?.IsAlive() == true)
        {
            await new PgCtl(PostgresBinaries.Find(files.MajorVersion), files).StopAsync(immediate, ct);
        }
    }

    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = ClusterInitializer.Superuser,
            Password = password,
            Database = database,
        }.ConnectionString;

    /// <summary>Creates the database unless it exists.</summary>
    public async Task CreateDatabaseAsync(string name, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        // Unpooled: a pooled connection would outlive a stop of this cluster and fail its next user.
        await using var connection = new NpgsqlConnection(ConnectionString() + ";Pooling=false");
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection);
        exists.Parameters.AddWithValue(name);
        if (await exists.ExecuteScalarAsync(ct) is not null)
        {
            return;
        }

        await using var create = new NpgsqlCommand($"create database \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
        try
        {
            await create.ExecuteNonQueryAsync(ct);
            logger.DatabaseCreated(name, Port);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Created concurrently by someone else: fine.
        }
    }

    /// <summary>Fast stops roll back open transactions; immediate simulates a crash (recovery runs on the next start).</summary>
    public async Task StopAsync(bool immediate = false, CancellationToken ct = default)
    {
        if (!running)
        {
            return;
        }

        logger.Stopping(Port, immediate ? "immediate" : "fast");
        await pgCtl.StopAsync(immediate, ct);
        running = false;
    }

    public async Task StartAgainAsync(CancellationToken ct = default)
    {
        if (running)
        {
            return;
        }

        var error = await pgCtl.TryStartAsync(Port, options, ct);
        if (error is not null)
        {
            throw new LocalPostgresException($"PostgreSQL did not start again on port {Port} ({DataDirectory}): {error}");
        }

        running = true;
        logger.Started(Port, DataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (LocalPostgresException e)
        {
            logger.StopFailed(e, DataDirectory);
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Projections.Generations;
using Platform.Projections.Storage;
using Platform.Write.EventStore;

namespace Platform.Projections.Daemon;

/// <summary>
/// Runs every registered projection independently: one runner each, so a faulted or slow projection
/// never holds back another. Across processes, each projection is active in one instance at a time.
/// </summary>
public sealed class ProjectionDaemon(
    IServiceProvider services, ProjectionCatalog catalog, ProjectionOptions options, ProjectionRunnerRegistry registry,
    TimeProvider time, ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger<ProjectionDaemon>();

    private DaemonServices? _shared;

    /// <summary>Migrates the daemon's tables before the host goes on, so status is readable once it has started.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        options.Validate();
        // Resolved here, not in the constructor: the host builds hosted services before starting any,
        // and an embedded cluster's data source exists only once that cluster has started.
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        await ProjectionsSchema.MigrateAsync(dataSource, cancellationToken);
        await EnsureDistinctLocksAsync(dataSource, cancellationToken);
        _shared = new DaemonServices(
            dataSource, services.GetRequiredService<EventReader>(), services.GetRequiredService<EventNotifier>(),
            options, registry, time);
        foreach (var projection in catalog.All) _shared.SetState(projection, ProjectionState.Standby);
        await CreateFirstGenerationsAsync(_shared, cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    // On a first deployment the views appear with the first generation's tables. Created here, before
    // the host serves, so no read meets a missing view while the runners start; a failure is left to
    // the runner's retries.
    private async Task CreateFirstGenerationsAsync(DaemonServices shared, CancellationToken ct)
    {
        foreach (var projection in catalog.All)
        {
            var lineup = await GenerationLineup.LoadAsync(shared.DataSource, projection.Name, ct);
            if (lineup.Active is not null) continue;
            var generation = new ProjectionGeneration(projection, lineup.Serving(projection) ?? 1);
            try
            {
                await shared.Generations.InitializeAsync(generation, registry.Instance, time.GetUtcNow(), ct);
            }
            catch (Exception error) when (error is NpgsqlException or InvalidOperationException && !ct.IsCancellationRequested)
            {
                _logger.InitializeFailed(error, generation.Id, TimeSpan.Zero);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var shared = _shared ?? throw new InvalidOperationException("The daemon runs only through StartAsync.");
        _logger.Started(registry.Instance, string.Join(", ", catalog.All.Select(p => p.Id)));
        var runners = catalog.All.Select(p =>
            new ProjectionRunner(shared, p, loggers.CreateLogger($"{typeof(ProjectionRunner).FullName}.{p.Id}")).RunAsync(stoppingToken));
        await Task.WhenAll(runners);
    }

    // Lock keys are 32-bit hashes of the identities; two projections sharing one could never both
    // be active, so refuse to start rather than starve one of them.
    private async Task EnsureDistinctLocksAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        if (catalog.All.Count < 2) return;
        await using var command = dataSource.CreateCommand("select count(distinct hashtext(id)) from unnest($1) as u(id)");
        command.Parameters.Add(new() { Value = catalog.All.Select(p => p.Id).ToArray() });
        var distinct = (long)(await command.ExecuteScalarAsync(ct))!;
        if (distinct != catalog.All.Count)
            throw new InvalidOperationException("Two projection identities hash to the same leadership lock; rename one of them.");
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Projections.Daemon;
using Platform.Projections.Storage;
using Platform.Write.EventStore;
using Platform.Write.Storage;

namespace Platform.Projections.Tests.Support;

/// <summary>
/// One "process": its own data source, event store and (optionally running) projection daemon,
/// wired through the same service registrations a real host uses. Timings are short for tests.
/// </summary>
public sealed class ProjectionHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private bool _running;

    private ProjectionHost(ServiceProvider services, NpgsqlDataSource dataSource, TestLog log)
    {
        Log = log;
        _services = services;
        DataSource = dataSource;
        Store = services.GetRequiredService<Platform.Write.EventStore.EventStore>();
        Reader = services.GetRequiredService<EventReader>();
        Daemon = services.GetRequiredService<ProjectionDaemon>();
        Registry = services.GetRequiredService<ProjectionRunnerRegistry>();
        Status = services.GetRequiredService<ProjectionStatusReader>();
        Operations = services.GetRequiredService<ProjectionOperations>();
    }

    public NpgsqlDataSource DataSource { get; }
    public IServiceProvider Services => _services;
    public TestLog Log { get; }
    public Platform.Write.EventStore.EventStore Store { get; }
    public EventReader Reader { get; }
    public ProjectionDaemon Daemon { get; }
    public ProjectionRunnerRegistry Registry { get; }
    public ProjectionStatusReader Status { get; }
    public ProjectionOperations Operations { get; }

    public bool IsActive(string projection) => Registry.Get(projection)?.IsActive == true;

    /// <param name="projections">Registers the projections; stream totals when null.</param>
    /// <param name="options">Changes the daemon's test options, such as a smaller batch.</param>
    public static async Task<ProjectionHost> StartAsync(
        string connectionString, Action<IServiceCollection>? projections = null, bool runDaemon = true,
        Action<ProjectionOptions>? options = null)
    {
        var dataSource = PlatformDataSource.Create(connectionString);
        await EventStoreSchema.MigrateAsync(dataSource);
        await ProjectionsSchema.MigrateAsync(dataSource);
        var log = new TestLog();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(log).SetMinimumLevel(LogLevel.Debug))
            .AddSingleton(dataSource)
            .AddSingleton(TestEvents.Registry())
            .AddEventStore(o => o.PollInterval = TimeSpan.FromMilliseconds(500))
            .AddProjections(o =>
            {
                o.BatchSize = 100;
                o.PollInterval = TimeSpan.FromMilliseconds(500);
                o.StandbyRetry = TimeSpan.FromMilliseconds(100);
                o.LeaseCheckInterval = TimeSpan.FromMilliseconds(100);
                o.FaultBackoffMin = TimeSpan.FromMilliseconds(50);
                o.FaultBackoffMax = TimeSpan.FromMilliseconds(400);
                o.IdleTransactionTimeout = TimeSpan.FromSeconds(10);
                options?.Invoke(o);
            });
        (projections ?? (s => s.AddProjection<StreamTotalsProjection>()))(services);
        var host = new ProjectionHost(services.BuildServiceProvider(), dataSource, log);
        if (runDaemon) await host.StartDaemonAsync();
        return host;
    }

    public async Task StartDaemonAsync()
    {
        await Daemon.StartAsync(CancellationToken.None);
        _running = true;
    }

    public async Task StopDaemonAsync()
    {
        if (!_running) return;
        _running = false;
        await Daemon.StopAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await StopDaemonAsync();
        await _services.DisposeAsync();
        await DataSource.DisposeAsync();
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Benchmarks.Append;
using Platform.Projections.Daemon;
using Platform.Write.EventStore;
using Platform.Write.Storage;

namespace Platform.Benchmarks.Projections;

/// <summary>
/// The projection daemon as a projections service runs it: its own data source, wired through
/// AddEventStore and AddProjections, default options but the batch size. Warnings go to stderr.
/// </summary>
internal sealed class DaemonHost : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly NpgsqlDataSource dataSource;
    private bool running;

    private DaemonHost(ServiceProvider services, NpgsqlDataSource dataSource)
    {
        this.services = services;
        this.dataSource = dataSource;
        Daemon = services.GetRequiredService<ProjectionDaemon>();
        Status = services.GetRequiredService<ProjectionStatusReader>();
    }

    public ProjectionDaemon Daemon { get; }

    public ProjectionStatusReader Status { get; }

    public static DaemonHost Create(string connectionString, int batchSize)
    {
        var dataSource = PlatformDataSource.Create(connectionString);
        var services = new ServiceCollection()
            .AddLogging(logging => logging
                .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
                .SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(dataSource)
            .AddSingleton(BenchmarkEvents.Registry())
            .AddEventStore()
            .AddProjections(o => o.BatchSize = batchSize)
            .AddProjection<StreamTotalsProjection>();
        return new DaemonHost(services.BuildServiceProvider(), dataSource);
    }

    public async Task StartAsync(CancellationToken ct)
    {
        await Daemon.StartAsync(ct);
        running = true;
    }

    /// <summary>Why the daemon is not getting on, for an error message: its state and last error.</summary>
    public async Task<string> DescribeAsync()
    {
        var status = await Status.GetAsync(StreamTotalsProjection.ProjectionName);
        return $"{status.Id} is {status.State}, {status.EventsApplied:N0} applied, last error: {status.LastError ?? "none"}";
    }

    public async ValueTask DisposeAsync()
    {
        if (running) await Daemon.StopAsync(CancellationToken.None);
        await services.DisposeAsync();
        await dataSource.DisposeAsync();
    }
}

using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.Benchmarks.Append;
using Platform.Projections.Daemon;
using Platform.Write.EventStore;
using Platform.Write.Storage;

namespace Platform.Benchmarks.Projections;

/// <summary>
/// The daemon, caught up on a copy of the full template with its default options, keeps the stream
/// totals while writers in another "process" (their own pool and notifier, so the daemon hears of
/// appends through NOTIFY, as a separate projections service does) append at a steady rate.
/// </summary>
internal static class LagMeasurement
{
    private const int Writers = 4;

    public static async Task<LagResult> RunAsync(
        LocalPostgres postgres, EventsSeed seed, int rate, TimeSpan duration, TextWriter log, CancellationToken ct)
    {
        await using var copy = await DatabaseCopy.CreateAsync(postgres, seed.Database, "lag", ct);
        await using var watch = NpgsqlDataSource.Create(copy.ConnectionString);
        await using var host = DaemonHost.Create(copy.ConnectionString, new ProjectionOptions().BatchSize);
        var started = await ServerClock.NowAsync(watch, ct);
        await host.StartAsync(ct);
        await DaemonRebuild.WaitForAppliedAsync(watch, host, seed.Events, started, ct);
        log.WriteLine($"lag: daemon caught up on {seed.Events:N0} events; {Writers} writers append {rate:N0}/s for {duration.TotalSeconds:N0} s");

        SteadyLoad load;
        await using (var writers = PlatformDataSource.Create(copy.ConnectionString))
        {
            var options = new EventStoreOptions();
            await using var notifier = new EventNotifier(writers, options, NullLogger<EventNotifier>.Instance);
            var store = new EventStore(writers, new EventSerializer(BenchmarkEvents.Registry()), notifier, options);
            load = await new SteadyWriters(store, rate, Writers).RunAsync(duration, seed.Events, ct);
            // The writers stay up until the daemon has applied everything: disposing their notifier
            // drops the coalesced NOTIFY still pending for the last appends (DisposeAsync cancels it
            // rather than sending it), and the daemon would find those only on its next poll, 1 s on.
            await DaemonRebuild.WaitForAppliedAsync(watch, host, seed.Events + load.Appended, started, ct);
        }

        var result = await LagQueries.SummarizeAsync(watch, load, ct);
        await LagQueries.WriteSlowestAsync(watch, log, ct);
        return result;
    }
}

using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Platform.Projections.Daemon;
using Platform.Projections.Tests.Support;
using Platform.Testing;
using Platform.Write.EventStore;

namespace Platform.Projections.Tests.Daemon;

public sealed class LeadershipTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private const string Id = StreamTotalsProjection.Id;
    private readonly string _connectionString = database.ConnectionString;

    [Fact]
    public async Task One_instance_applies_while_the_other_stands_by_and_takes_over_when_it_stops()
    {
        await using var writer = await ProjectionHost.StartAsync(_connectionString, runDaemon: false);
        var a = await ProjectionHost.StartAsync(_connectionString);
        var b = await ProjectionHost.StartAsync(_connectionString);
        try
        {
            await Eventually.HoldsAsync(() => a.IsActive(Id) || b.IsActive(Id), "one instance is active");
            using var stopSampling = new CancellationTokenSource();
            var overlaps = 0;
            var sampler = Task.Run(async () =>
            {
                while (!stopSampling.IsCancellationRequested)
                {
                    if (a.IsActive(Id) && b.IsActive(Id)) Interlocked.Increment(ref overlaps);
                    await Task.Delay(1);
                }
            });
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() => WriteAsync(writer.Store, w, 150))).ToArray();

            await Eventually.HoldsAsync(async () => (await writer.Status.GetAsync(Id)).EventsApplied >= 150, "some events are applied");
            var (active, standby) = a.IsActive(Id) ? (a, b) : (b, a);
            standby.Registry.Get(Id)!.State.Should().Be(ProjectionState.Standby);
            var clock = Stopwatch.StartNew();
            await active.DisposeAsync();
            await Eventually.HoldsAsync(() => standby.IsActive(Id), "the standby takes over", timeoutSeconds: 5);
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3));

            await Task.WhenAll(writers);
            await Eventually.MatchesEventsAsync(writer.DataSource, StreamTotalsProjection.Table);
            await stopSampling.CancelAsync();
            await sampler;
            overlaps.Should().Be(0);
            await ExpectExactlyOnceAsync(writer);
            a.Log.AtLeast(LogLevel.Error).Concat(b.Log.AtLeast(LogLevel.Error)).Should().BeEmpty();
            (await standby.Status.GetAsync(Id)).ActiveInstance.Should().Be(standby.Registry.Instance);
        }
        finally
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
        }
    }

    [Fact]
    public async Task Losing_the_lock_connection_stops_the_runner_and_nothing_is_applied_twice()
    {
        await using var writer = await ProjectionHost.StartAsync(_connectionString, runDaemon: false);
        await using var a = await ProjectionHost.StartAsync(_connectionString);
        await using var b = await ProjectionHost.StartAsync(_connectionString);
        await Eventually.HoldsAsync(() => a.IsActive(Id) || b.IsActive(Id), "one instance is active");
        var writers = Enumerable.Range(10, 4).Select(w => Task.Run(() => WriteAsync(writer.Store, w, 150))).ToArray();

        for (var kill = 0; kill < 3; kill++)
        {
            await Task.Delay(150);
            var active = a.IsActive(Id) ? a : b;
            var before = active.Registry.Get(Id);
            (await TerminateLockHolderAsync(writer)).Should().Be(1);
            // It may win the lock straight back, so look for any change of state rather than standby.
            await Eventually.HoldsAsync(() => active.Registry.Get(Id) != before, "the instance that lost its lock stops applying", timeoutSeconds: 5);
            await Eventually.HoldsAsync(() => a.IsActive(Id) || b.IsActive(Id), "an instance is active again", timeoutSeconds: 5);
        }

        await Task.WhenAll(writers);
        await Eventually.MatchesEventsAsync(writer.DataSource, StreamTotalsProjection.Table);
        await ExpectExactlyOnceAsync(writer);
        var log = a.Log.Entries.Concat(b.Log.Entries).ToList();
        log.Count(e => e.Message.Contains("lost its leadership connection", StringComparison.Ordinal)).Should().Be(3);
        log.Should().NotContain(e => e.Level >= LogLevel.Error);
    }

    private static async Task WriteAsync(Platform.Write.EventStore.EventStore store, int writer, int count)
    {
        var random = new Random(writer);
        var tenant = Guid.CreateVersion7();
        for (var i = 0; i < count; i++)
        {
            await store.AppendAsync(tenant, $"s{random.Next(10)}", ExpectedVersion.Any, TestEvents.Increment(random.Next(1, 50)));
            if (random.Next(4) == 0) await Task.Delay(random.Next(1, 4));
        }
    }

    private static async Task ExpectExactlyOnceAsync(ProjectionHost host)
    {
        await using var count = host.DataSource.CreateCommand($"select count(*) from events where type = '{TestEvents.Incremented}'");
        var status = await host.Status.GetAsync(Id);
        status.EventsApplied.Should().Be((long)(await count.ExecuteScalarAsync())!);
        status.LagEvents.Should().Be(0);
        (await host.Status.GetFaultsAsync(Id, includeClosed: true)).Should().BeEmpty();
    }

    private static async Task<int> TerminateLockHolderAsync(ProjectionHost host)
    {
        await using var command = host.DataSource.CreateCommand("""
            select count(*) filter (where pg_terminate_backend(pid)) from pg_locks
             where locktype = 'advisory' and granted and objsubid = 2
               and database = (select oid from pg_database where datname = current_database())
               and classid = $1::int4::oid and objid = hashtext($2)::oid
            """);
        command.Parameters.Add(new() { Value = ProjectionLease.LockSpace });
        command.Parameters.Add(new() { Value = Id });
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }
}

using Microsoft.Extensions.Logging;
using Platform.Projections.Daemon;
using Platform.Projections.Tests.Support;
using Platform.Testing;
using Platform.Write.EventStore;

namespace Platform.Projections.Tests.Daemon;

public sealed class ExactlyOnceTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private readonly string _connectionString = database.ConnectionString;

    [Fact]
    public async Task Events_appended_before_and_after_the_daemon_starts_take_effect_exactly_once()
    {
        await using var writer = await ProjectionHost.StartAsync(_connectionString, runDaemon: false);
        var tenants = new[] { Guid.CreateVersion7(), Guid.CreateVersion7() };
        await AppendAsync(writer.Store, tenants, 0, 40);

        var before = await writer.Status.GetAsync(StreamTotalsProjection.Id);
        before.State.Should().Be(ProjectionState.Stopped);
        before.LagEvents.Should().Be(await CountIncrementsAsync(writer));
        before.LagSeconds.Should().BeGreaterThan(0);

        await using (var daemon = await ProjectionHost.StartAsync(_connectionString))
        {
            await Eventually.MatchesEventsAsync(writer.DataSource, StreamTotalsProjection.Table);
            await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(() => AppendAsync(daemon.Store, tenants, w, 30))));
            await Eventually.MatchesEventsAsync(writer.DataSource, StreamTotalsProjection.Table);

            var status = await daemon.Status.GetAsync(StreamTotalsProjection.Id);
            status.EventsApplied.Should().Be(await CountIncrementsAsync(writer));
            status.State.Should().Be(ProjectionState.Running);
            status.ActiveHere.Should().BeTrue();
            status.ActiveInstance.Should().Be(daemon.Registry.Instance);
            status.LagEvents.Should().Be(0);
            status.LagSeconds.Should().Be(0);
            status.LastError.Should().BeNull();
            daemon.Log.AtLeast(LogLevel.Warning).Should().BeEmpty();
        }

        // A new process continues from the checkpoint: nothing is applied again.
        await AppendAsync(writer.Store, tenants, 9, 5);
        await using var restarted = await ProjectionHost.StartAsync(_connectionString);
        await Eventually.MatchesEventsAsync(writer.DataSource, StreamTotalsProjection.Table);
        (await restarted.Status.GetAsync(StreamTotalsProjection.Id)).EventsApplied.Should().Be(await CountIncrementsAsync(writer));
    }

    // Single appends, multi-event appends, batches across streams, and events of a type the
    // projection does not read, which must never reach it.
    private static async Task AppendAsync(Platform.Write.EventStore.EventStore store, Guid[] tenants, int writer, int rounds)
    {
        var random = new Random(writer);
        for (var i = 0; i < rounds; i++)
        {
            var tenant = tenants[random.Next(tenants.Length)];
            var stream = $"counter-{random.Next(8)}";
            switch (i % 4)
            {
                case 0:
                    await store.AppendAsync(tenant, stream, ExpectedVersion.Any, TestEvents.Increment(random.Next(1, 100)));
                    break;
                case 1:
                    await store.AppendAsync(tenant, stream, ExpectedVersion.Any, [TestEvents.Increment(2), TestEvents.Increment(3)]);
                    break;
                case 2:
                    await store.AppendBatchAsync([
                        new StreamAppend(tenant, stream, ExpectedVersion.Any, [TestEvents.Increment(5)]),
                        new StreamAppend(tenant, $"other-{random.Next(3)}", ExpectedVersion.Any, [TestEvents.Increment(7)])]);
                    break;
                default:
                    await store.AppendAsync(tenant, $"notes-{writer}", ExpectedVersion.Any, TestEvents.Note());
                    break;
            }
        }
    }

    private static async Task<long> CountIncrementsAsync(ProjectionHost host)
    {
        await using var command = host.DataSource.CreateCommand($"select count(*) from events where type = '{TestEvents.Incremented}'");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

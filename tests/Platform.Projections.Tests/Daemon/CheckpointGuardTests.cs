using Platform.Projections.Daemon;
using Platform.Projections.Generations;
using Platform.Projections.Tests.Support;
using Platform.Testing;
using Platform.Write.EventStore;

namespace Platform.Projections.Tests.Daemon;

/// <summary>
/// The second safety net besides the advisory lock: a page is applied only by a writer whose
/// checkpoint is still the stored one.
/// </summary>
public sealed class CheckpointGuardTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Two_writers_starting_from_one_checkpoint_apply_a_page_once_and_a_stale_writer_writes_nothing()
    {
        await using var host = await ProjectionHost.StartAsync(database.ConnectionString, runDaemon: false);
        var tenant = Guid.CreateVersion7();
        for (var i = 1; i <= 5; i++) await host.Store.AppendAsync(tenant, $"s{i % 2}", ExpectedVersion.Any, TestEvents.Increment(i));
        var projection = new ProjectionGeneration(new ProjectionCatalog([new StreamTotalsProjection()]).Get(StreamTotalsProjection.Id), 1);
        var start = await new GenerationStore(host.DataSource).InitializeAsync(projection, "test", DateTimeOffset.UtcNow, default)
                    ?? throw new InvalidOperationException("A first generation is never replaced.");
        EventPage page = null!;
        await Eventually.HoldsAsync(async () => (page = await host.Reader.ReadAllAsync(start, 100, projection.Projection.EventTypes)).Events.Count == 5,
            "the events pass the fence");
        var applier = new BatchApplier(host.DataSource, new ProjectionOptions(), TimeProvider.System);

        var results = await Task.WhenAll(
            Task.Run(() => applier.ApplyAsync(projection, start, page.Events, default)),
            Task.Run(() => applier.ApplyAsync(projection, start, page.Events, default)));

        results.Select(r => r.Status).Should().BeEquivalentTo([ApplyStatus.Applied, ApplyStatus.CheckpointMoved]);
        (await applier.ApplyAsync(projection, start, page.Events.Take(2).ToList(), default)).Status.Should().Be(ApplyStatus.CheckpointMoved);
        (await StreamTotals.ReadAsync(host.DataSource, StreamTotalsProjection.Table)).Should().Equal(
            await StreamTotals.RecomputeAsync(host.DataSource));
        var status = await host.Status.GetAsync(StreamTotalsProjection.Id);
        status.EventsApplied.Should().Be(5);
        status.Position.Should().Be(page.Events[^1].Position);
    }
}

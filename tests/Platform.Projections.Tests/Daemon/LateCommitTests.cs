using Platform.Projections.Tests.Support;
using Platform.Testing;
using Platform.Write.EventStore;

namespace Platform.Projections.Tests.Daemon;

public sealed class LateCommitTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task A_projection_does_not_pass_an_open_append_and_applies_both_once_it_commits()
    {
        await using var host = await ProjectionHost.StartAsync(database.ConnectionString);
        var tenant = Guid.CreateVersion7();
        await Eventually.HoldsAsync(() => host.IsActive(StreamTotalsProjection.Id), "the daemon is active");

        await using var early = await OpenAppend.BeginAsync(host.DataSource, tenant, "early", TestEvents.Incremented, [new CounterIncremented(10)]);
        var late = await host.Store.AppendAsync(tenant, "late", ExpectedVersion.Any, TestEvents.Increment(5));
        late.Position.Should().BeGreaterThan(early.Position);

        // Nothing signals that the daemon has looked and held back; give it many read cycles.
        await Task.Delay(400);
        (await StreamTotals.ReadAsync(host.DataSource, StreamTotalsProjection.Table)).Should().BeEmpty();
        var held = await host.Status.GetAsync(StreamTotalsProjection.Id);
        held.EventsApplied.Should().Be(0);
        held.LagEvents.Should().Be(1, "only the committed event is visible to others");

        await early.CommitAsync();

        await Eventually.MatchesEventsAsync(host.DataSource, StreamTotalsProjection.Table);
        (await StreamTotals.ReadAsync(host.DataSource, StreamTotalsProjection.Table)).Should().Equal(
            new StreamTotal(tenant, "early", 1, 10), new StreamTotal(tenant, "late", 1, 5));
        var status = await host.Status.GetAsync(StreamTotalsProjection.Id);
        status.EventsApplied.Should().Be(2);
        status.Position.Should().Be(late.Position, "the late-committing event is applied first, in fence order");
    }
}

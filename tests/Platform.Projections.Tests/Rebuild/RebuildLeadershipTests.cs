using Microsoft.Extensions.Logging;
using Platform.Projections.Daemon;
using Platform.Projections.Tests.Support;
using Platform.Testing;

namespace Platform.Projections.Tests.Rebuild;

public sealed class RebuildLeadershipTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private const string Id = StreamTotalsProjection.Id;

    [Fact]
    public async Task A_rebuild_requested_from_a_standby_is_performed_by_the_active_instance()
    {
        await using var a = await ProjectionHost.StartAsync(database.ConnectionString);
        await using var b = await ProjectionHost.StartAsync(database.ConnectionString);
        await Eventually.HoldsAsync(() => a.IsActive(Id) || b.IsActive(Id), "one instance is active");
        var (active, standby) = a.IsActive(Id) ? (a, b) : (b, a);
        await Task.WhenAll(Writers.Start(active.Store, writers: 2, count: 100));
        await Eventually.MatchesEventsAsync(active.DataSource, StreamTotalsProjection.View);

        var request = await standby.Operations.RebuildAsync("stream-totals", "ops@example.com");
        await Eventually.HoldsAsync(async () => (await standby.Operations.GetRebuildAsync(request.Id))!.CompletedAt is not null,
            "the rebuild has switched");

        (await Relations.LastSwitchAsync(active.DataSource, "stream-totals")).Should().BeEquivalentTo(new
        {
            To = "stream-totals.v1.r2", Reason = "rebuild", RequestedBy = "ops@example.com", SwitchedBy = active.Registry.Instance,
        });
        standby.Registry.Get(Id)!.State.Should().Be(ProjectionState.Standby);
        standby.Log.Entries.Should().NotContain(e => e.Message.Contains("is active for", StringComparison.Ordinal));
        (await standby.Status.GetAsync(Id)).Should().BeEquivalentTo(new { ActiveHere = false, ActiveInstance = active.Registry.Instance });
        await Eventually.MatchesEventsAsync(active.DataSource, StreamTotalsProjection.View);
        (await Relations.ExistsAsync(active.DataSource, StreamTotalsProjection.Table)).Should().BeFalse();
        a.Log.AtLeast(LogLevel.Warning).Concat(b.Log.AtLeast(LogLevel.Warning)).Should().BeEmpty();
    }
}

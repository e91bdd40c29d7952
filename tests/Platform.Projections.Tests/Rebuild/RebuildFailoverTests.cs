using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Projections.Daemon;
using Platform.Projections.Tests.Support;
using Platform.Testing;

namespace Platform.Projections.Tests.Rebuild;

public sealed class RebuildFailoverTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private const string Id = StreamTotalsProjection.Id;
    private const string Rebuilt = "stream-totals.v1.r2";

    [Fact]
    public async Task A_standby_taking_over_mid_rebuild_finishes_it_from_its_checkpoint_applying_each_event_once()
    {
        var held = new ApplyGate();
        var open = new ApplyGate();
        open.Open();
        await using var a = await StartAsync(held);
        await Eventually.HoldsAsync(() => a.IsActive(Id), "the first instance is active");
        await using var b = await StartAsync(open);
        await Task.WhenAll(Writers.Start(a.Store, writers: 3, count: 100));
        await Eventually.MatchesEventsAsync(a.DataSource, StreamTotalsProjection.View);
        var request = await b.Operations.RebuildAsync("stream-totals", "ops@example.com");
        await Eventually.HoldsAsync(() => held.IsHolding, "the rebuild has applied a batch and is held");
        (await a.Status.GetAsync(Id)).State.Should().Be(ProjectionState.Rebuilding);
        var building = await b.Status.GetAsync(Id);
        building.Should().BeEquivalentTo(new { State = ProjectionState.Standby, ActiveInstance = a.Registry.Instance });
        building.Building.Should().BeEquivalentTo(new { Id = Rebuilt, Generation = 2, EventsApplied = 50L });

        // The held apply is cancelled and rolled back; the standby goes on from the rebuild's checkpoint.
        await a.StopDaemonAsync();
        await Eventually.HoldsAsync(async () => (await b.Operations.GetRebuildAsync(request.Id))!.CompletedAt is not null,
            "the standby has finished the rebuild");

        (await Relations.LastSwitchAsync(b.DataSource, "stream-totals")).SwitchedBy.Should().Be(b.Registry.Instance);
        await Eventually.MatchesEventsAsync(b.DataSource, StreamTotalsProjection.View);
        var status = await b.Status.GetAsync(Id);
        status.Serving.Id.Should().Be(Rebuilt);
        status.EventsApplied.Should().Be(await Relations.CountIncrementsAsync(b.DataSource));
        (await b.Status.GetFaultsAsync(Id, includeClosed: true)).Should().BeEmpty();
        b.Log.AtLeast(LogLevel.Warning).Should().BeEmpty();
    }

    private Task<ProjectionHost> StartAsync(ApplyGate gate) =>
        ProjectionHost.StartAsync(database.ConnectionString,
            s => s.AddSingleton(new GatedStreamTotalsProjection(gate)).AddProjection<GatedStreamTotalsProjection>(),
            options: o => o.BatchSize = 50);
}

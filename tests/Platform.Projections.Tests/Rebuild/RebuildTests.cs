using Microsoft.Extensions.Logging;
using Platform.Projections.Daemon;
using Platform.Projections.Tests.Support;
using Platform.Testing;

namespace Platform.Projections.Tests.Rebuild;

/// <summary>An operator's rebuild of the serving version: a new generation beside it, then the switch.</summary>
public sealed class RebuildTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private const string Id = StreamTotalsProjection.Id;
    private const string Rebuilt = "stream_totals_v1_r2";

    [Fact]
    public async Task Rebuilding_an_unchanged_projection_yields_identical_tables_which_the_view_then_serves()
    {
        await using var host = await ProjectionHost.StartAsync(database.ConnectionString, options: o => o.BatchSize = 50);
        await Task.WhenAll(Writers.Start(host.Store, writers: 4, count: 100));
        await Eventually.MatchesEventsAsync(host.DataSource, StreamTotalsProjection.View);
        var before = await Relations.HashAsync(host.DataSource, StreamTotalsProjection.Table);
        (await Relations.HashAsync(host.DataSource, StreamTotalsProjection.View)).Should().Be(before);

        var request = await host.Operations.RebuildAsync("stream-totals", "ops@example.com");
        (await host.Operations.RebuildAsync(Id, "someone-else")).Id.Should().Be(request.Id, "asking twice rebuilds once");

        await Eventually.HoldsAsync(async () => (await host.Operations.GetRebuildAsync(request.Id))!.CompletedAt is not null,
            "the rebuild has switched");
        (await host.Operations.GetRebuildAsync(request.Id)).Should().BeEquivalentTo(
            new { Generation = 2, Outcome = "switched", RequestedBy = "ops@example.com" });
        (await Relations.HashAsync(host.DataSource, Rebuilt)).Should().Be(before);
        (await Relations.HashAsync(host.DataSource, StreamTotalsProjection.View)).Should().Be(before);
        (await Relations.ExistsAsync(host.DataSource, StreamTotalsProjection.Table)).Should().BeFalse();
        (await Relations.CheckpointExistsAsync(host.DataSource, Id)).Should().BeFalse();
        (await Relations.LastSwitchAsync(host.DataSource, "stream-totals")).Should().BeEquivalentTo(new SwitchRow(
            Id, "stream-totals.v1.r2", "rebuild", "ops@example.com", host.Registry.Instance, [StreamTotalsProjection.Table]));

        await Eventually.HoldsAsync(() => host.Registry.Get(Id)?.State == ProjectionState.Running, "the runner only serves again");
        var status = await host.Status.GetAsync(Id);
        status.Should().BeEquivalentTo(new
        {
            State = ProjectionState.Running, Building = (ProjectionGenerationStatus?)null, LagEvents = 0L,
            EventsApplied = await Relations.CountIncrementsAsync(host.DataSource),
        });
        status.Serving.Should().BeEquivalentTo(new { Id = "stream-totals.v1.r2", Version = 1, Generation = 2, Tables = new[] { Rebuilt } });
        host.Log.AtLeast(LogLevel.Warning).Should().BeEmpty();
    }
}

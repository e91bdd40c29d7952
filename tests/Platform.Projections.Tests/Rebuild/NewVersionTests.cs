using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Projections.Daemon;
using Platform.Projections.Tests.Support;
using Platform.Testing;

namespace Platform.Projections.Tests.Rebuild;

/// <summary>Version 2 of a projection deployed over version 1: built beside it, then switched to.</summary>
public sealed class NewVersionTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private const string V1 = StreamTotalsProjection.Id;
    private const string V2 = StreamTotalsV2Projection.Id;
    private const string View = StreamTotalsProjection.View;
    private static readonly string[] V1Tables = ["stream_totals_v1"];
    private static readonly string[] V1Columns = ["tenant_id", "stream_id", "count", "sum", "last_version"];
    private static readonly string[] V2Columns = ["tenant_id", "stream_id", "count", "sum", "max", "last_version"];

    [Fact]
    public async Task Version_1_keeps_serving_through_the_view_while_version_2_builds_then_the_view_switches()
    {
        // Version 1 ran; its code is no longer deployed, so its tables serve as they are until the switch.
        await using (var v1 = await ProjectionHost.StartAsync(database.ConnectionString))
        {
            await Task.WhenAll(Writers.Start(v1.Store, writers: 3, count: 100));
            await Eventually.MatchesEventsAsync(v1.DataSource, View);
        }
        var gate = new ApplyGate();
        await using var v2 = await ProjectionHost.StartAsync(database.ConnectionString,
            s => s.AddSingleton(new StreamTotalsV2Projection(gate)).AddProjection<StreamTotalsV2Projection>(), options: o => o.BatchSize = 50);
        var served = await StreamTotals.ReadAsync(v2.DataSource, View);
        await Eventually.HoldsAsync(() => gate.IsHolding, "version 2 has applied a batch and is held");

        var building = await v2.Status.GetAsync("stream-totals");
        building.State.Should().Be(ProjectionState.Rebuilding);
        building.Serving.Should().BeEquivalentTo(new { Id = V1, Version = 1, Tables = V1Tables });
        building.Building.Should().BeEquivalentTo(new { Id = V2, Version = 2, EventsApplied = 50L, Tables = new[] { StreamTotalsV2Projection.Table } });
        building.Building!.Position.Should().BeLessThan(building.Building.HeadPosition);
        building.Building.LagEvents.Should().Be(250);
        (await Relations.ColumnsAsync(v2.DataSource, View)).Should().Equal(V1Columns);
        (await StreamTotals.ReadAsync(v2.DataSource, View)).Should().Equal(served);
        await FluentActions.Awaiting(() => v2.Operations.RebuildAsync("stream-totals", "ops")).Should().ThrowAsync<RebuildRefusedException>();
        await Task.WhenAll(Writers.Start(v2.Store, writers: 2, count: 10));

        gate.Open();
        await Eventually.HoldsAsync(async () => (await v2.Status.GetAsync(V2)).Serving.Id == V2, "the view switches to version 2");
        (await Relations.ColumnsAsync(v2.DataSource, View)).Should().Equal(V2Columns);
        await Eventually.HoldsAsync(async () => (await StreamTotalsV2Projection.ReadAsync(v2.DataSource, View))
            .SequenceEqual(await StreamTotalsV2Projection.RecomputeAsync(v2.DataSource)), "the view serves every event of version 2");
        (await Relations.ExistsAsync(v2.DataSource, "stream_totals_v1")).Should().BeFalse();
        (await Relations.CheckpointExistsAsync(v2.DataSource, V1)).Should().BeFalse();
        (await Relations.LastSwitchAsync(v2.DataSource, "stream-totals")).Should().BeEquivalentTo(
            new SwitchRow(V1, V2, "deployed", null, v2.Registry.Instance, V1Tables));
        await Eventually.HoldsAsync(() => v2.Registry.Get(V2)?.State == ProjectionState.Running, "the runner only serves now");
        (await v2.Status.GetAsync(V2)).Should().BeEquivalentTo(new
        {
            State = ProjectionState.Running, Building = (ProjectionGenerationStatus?)null,
            EventsApplied = await Relations.CountIncrementsAsync(v2.DataSource),
        });
        (await v2.Status.GetFaultsAsync(V2, includeClosed: true)).Should().BeEmpty();
        v2.Log.AtLeast(LogLevel.Warning).Should().BeEmpty();
    }
}

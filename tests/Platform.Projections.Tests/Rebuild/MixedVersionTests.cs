using Microsoft.Extensions.Logging;
using Platform.Projections.Daemon;
using Platform.Projections.Tests.Support;
using Platform.Testing;

namespace Platform.Projections.Tests.Rebuild;

/// <summary>
/// A rolling deployment: version 1 still runs in an old process while version 2 builds in a new one.
/// </summary>
public sealed class MixedVersionTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private const string V1 = StreamTotalsProjection.Id;
    private const string V2 = StreamTotalsV2Projection.Id;
    private const string View = StreamTotalsProjection.View;

    [Fact]
    public async Task Version_1_still_running_elsewhere_serves_fresh_data_until_version_2_switches_and_retires_it()
    {
        await using var v1 = await ProjectionHost.StartAsync(database.ConnectionString);
        using var stop = new CancellationTokenSource();
        var writers = Writers.Start(v1.Store, writers: 4, count: 1_000, stop.Token);
        await Eventually.HoldsAsync(async () => (await v1.Status.GetAsync(V1)).EventsApplied >= 300, "version 1 has applied some events");

        await using var v2 = await ProjectionHost.StartAsync(database.ConnectionString,
            s => s.AddProjection<StreamTotalsV2Projection>(), options: o => o.BatchSize = 20);
        await Eventually.HoldsAsync(async () => (await v2.Status.GetAsync(V2)).Serving.Id == V2, "the view switches to version 2",
            timeoutSeconds: 30);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        (await Relations.AppendedWhileBuildingAsync(v2.DataSource, V2)).Should().BePositive();
        await Eventually.HoldsAsync(async () => (await StreamTotalsV2Projection.ReadAsync(v2.DataSource, View))
            .SequenceEqual(await StreamTotalsV2Projection.RecomputeAsync(v2.DataSource)), "the view serves every event of version 2");
        await Eventually.HoldsAsync(() => v1.Registry.Get(V1)?.State == ProjectionState.Retired, "version 1 retires");
        (await v1.Status.GetAsync(V1)).Should().BeEquivalentTo(new { State = ProjectionState.Retired, ActiveHere = false });
        (await Relations.ExistsAsync(v2.DataSource, "stream_totals_v1")).Should().BeFalse();
        (await v2.Status.GetAsync(V2)).EventsApplied.Should().Be(await Relations.CountIncrementsAsync(v2.DataSource));
        (await v2.Status.GetFaultsAsync(V2, includeClosed: true)).Should().BeEmpty();
        v1.Log.AtLeast(LogLevel.Warning).Concat(v2.Log.AtLeast(LogLevel.Warning)).Should().BeEmpty();
    }
}

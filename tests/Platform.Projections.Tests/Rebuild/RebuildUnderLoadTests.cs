using Microsoft.Extensions.Logging;
using Platform.Projections.Daemon;
using Platform.Projections.Tests.Support;
using Platform.Testing;

namespace Platform.Projections.Tests.Rebuild;

/// <summary>An operator's rebuild while events keep coming: the new generation takes each of them exactly once.</summary>
public sealed class RebuildUnderLoadTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private const string Id = StreamTotalsProjection.Id;

    [Fact]
    public async Task Events_appended_during_a_rebuild_are_in_the_new_tables_exactly_once()
    {
        await using var host = await ProjectionHost.StartAsync(database.ConnectionString, options: o => o.BatchSize = 20);
        using var stop = new CancellationTokenSource();
        var writers = Writers.Start(host.Store, writers: 4, count: 1_000, stop.Token);
        await Eventually.HoldsAsync(async () => (await host.Status.GetAsync(Id)).EventsApplied >= 300, "some events are applied");

        var request = await host.Operations.RebuildAsync(Id, "ops@example.com");
        await Eventually.HoldsAsync(async () => (await host.Operations.GetRebuildAsync(request.Id))!.CompletedAt is not null,
            "the rebuild has switched", timeoutSeconds: 30);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        (await Relations.AppendedWhileBuildingAsync(host.DataSource, "stream-totals.v1.r2")).Should().BePositive();
        await Eventually.MatchesEventsAsync(host.DataSource, StreamTotalsProjection.View);
        var status = await host.Status.GetAsync(Id);
        status.Serving.Id.Should().Be("stream-totals.v1.r2");
        status.EventsApplied.Should().Be(await Relations.CountIncrementsAsync(host.DataSource));
        // The totals refuse an event that does not follow its stream's last one: applied twice, it would fault.
        (await host.Status.GetFaultsAsync(Id, includeClosed: true)).Should().BeEmpty();
        (await Relations.ExistsAsync(host.DataSource, StreamTotalsProjection.Table)).Should().BeFalse();
        host.Log.AtLeast(LogLevel.Warning).Should().BeEmpty();
    }
}

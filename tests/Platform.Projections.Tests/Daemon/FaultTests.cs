using Microsoft.Extensions.DependencyInjection;
using Platform.Projections.Daemon;
using Platform.Projections.Tests.Support;
using Platform.Testing;
using Platform.Write.EventStore;

namespace Platform.Projections.Tests.Daemon;

public sealed class FaultTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task A_failing_event_is_recorded_and_retried_without_stopping_others_until_an_operator_skips_it()
    {
        var tenant = Guid.CreateVersion7();
        await using var host = await ProjectionHost.StartAsync(database.ConnectionString,
            s => s.AddProjection<StreamTotalsProjection>().AddProjection<PickyTotalsProjection>(), runDaemon: false);
        for (var i = 1; i <= 3; i++) await host.Store.AppendAsync(tenant, $"good-{i}", ExpectedVersion.Any, TestEvents.Increment(i));
        var poisoned = NewEvent.Create(new CounterIncremented(-1));
        var poison = await host.Store.AppendAsync(tenant, "poison", ExpectedVersion.Any, poisoned);
        for (var i = 1; i <= 3; i++) await host.Store.AppendAsync(tenant, $"good-{i}", ExpectedVersion.Any, TestEvents.Increment(i));

        await host.StartDaemonAsync();

        await Eventually.HoldsAsync(async () => (await host.Status.GetFaultsAsync(PickyTotalsProjection.Id)) is [{ Attempts: >= 3 }],
            "the poisoned event has failed three times");
        var fault = (await host.Status.GetFaultsAsync(PickyTotalsProjection.Id)).Single();
        fault.Should().BeEquivalentTo(new
        {
            Projection = PickyTotalsProjection.Id, poison.Position, poisoned.EventId, TenantId = tenant, StreamId = "poison",
            EventType = TestEvents.Incremented, SkippedAt = (DateTimeOffset?)null,
        });
        fault.Error.Should().StartWith("System.ArgumentOutOfRangeException: Cannot total a negative increment");

        // The good events before the poisoned one were applied one by one; the other projection saw everything.
        (await StreamTotals.ReadAsync(host.DataSource, PickyTotalsProjection.Table)).Select(t => t.Count).Should().Equal(1, 1, 1);
        await Eventually.MatchesEventsAsync(host.DataSource, StreamTotalsProjection.Table);
        var picky = await host.Status.GetAsync(PickyTotalsProjection.Id);
        picky.Should().BeEquivalentTo(new { State = ProjectionState.Faulted, EventsApplied = 3L, LagEvents = 4L });
        picky.LastError.Should().Contain("negative increment");
        (await host.Status.GetAsync(StreamTotalsProjection.Id)).State.Should().Be(ProjectionState.Running);

        await FluentActions.Awaiting(() => host.Operations.SkipAsync(PickyTotalsProjection.Id, poison.Position - 1, "ops", "wrong one"))
            .Should().ThrowAsync<SkipRefusedException>();
        var skipped = await host.Operations.SkipAsync("picky-totals", poison.Position, "ops@example.com", "negative increments are a bug");
        skipped.EventId.Should().Be(poisoned.EventId);

        await Eventually.MatchesEventsAsync(host.DataSource, PickyTotalsProjection.Table, "stream_id <> 'poison'");
        await Eventually.HoldsAsync(async () => (await host.Status.GetAsync(PickyTotalsProjection.Id)).State == ProjectionState.Running,
            "the projection runs again");
        (await host.Status.GetAsync(PickyTotalsProjection.Id)).Should().BeEquivalentTo(
            new { EventsApplied = 6L, EventsSkipped = 1L, LagEvents = 0L, LastError = (string?)null });
        (await host.Status.GetFaultsAsync(PickyTotalsProjection.Id)).Should().BeEmpty();
        (await host.Status.GetFaultsAsync(PickyTotalsProjection.Id, includeClosed: true)).Single().Should().BeEquivalentTo(
            new { SkippedBy = "ops@example.com", SkipReason = "negative increments are a bug", ResolvedAt = (DateTimeOffset?)null });
        await FluentActions.Awaiting(() => host.Operations.SkipAsync(PickyTotalsProjection.Id, poison.Position, "ops", "again"))
            .Should().ThrowAsync<SkipRefusedException>();
    }
}

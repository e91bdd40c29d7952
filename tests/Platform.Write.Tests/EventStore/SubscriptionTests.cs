using Platform.Testing;
using Platform.Write.EventStore;

namespace Platform.Write.Tests.EventStore;

public sealed class SubscriptionTests(DatabaseFixture database) : StoreTestBase(database)
{
    [Fact]
    public async Task A_subscription_catches_up_then_goes_live()
    {
        await Db.Store.AppendAsync(Tenant, "history", ExpectedVersion.Any, TestEvents.Increments(3));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var events = Db.Subscription.SubscribeAsync(Checkpoint.Start, Tenant, cancel.Token).GetAsyncEnumerator(cancel.Token);

        for (var i = 0; i < 3; i++) (await events.MoveNextAsync()).Should().BeTrue();
        events.Current.Version.Should().Be(3);
        var next = events.MoveNextAsync().AsTask();
        await Task.Delay(200);
        next.IsCompleted.Should().BeFalse();

        await Db.Store.AppendAsync(Tenant, "live", ExpectedVersion.Any, TestEvents.Increment());

        (await next).Should().BeTrue();
        events.Current.StreamId.Should().Be("live");
    }

    [Fact]
    public async Task Another_process_append_wakes_the_subscription_through_notify_long_before_the_poll()
    {
        // A second store over its own data source stands for another process: only NOTIFY can reach us.
        await using var writer = await TestStore.CreateAsync(ConnectionString);
        await using var listener = await TestStore.CreateAsync(ConnectionString, o => o.PollInterval = TimeSpan.FromMinutes(5));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var events = listener.Subscription.SubscribeAsync(Checkpoint.Start, Tenant, cancel.Token).GetAsyncEnumerator(cancel.Token);
        var next = events.MoveNextAsync().AsTask();
        await Task.Delay(500); // the listener connection is up

        var started = DateTime.UtcNow;
        await writer.Store.AppendAsync(Tenant, "remote", ExpectedVersion.Any, TestEvents.Increment());

        (await next.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeTrue();
        (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(5));
        events.Current.StreamId.Should().Be("remote");
    }

    [Fact]
    public async Task Polling_picks_up_events_written_without_the_store()
    {
        await using var polling = await TestStore.CreateAsync(ConnectionString, o => o.PollInterval = TimeSpan.FromMilliseconds(100));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var events = polling.Subscription.SubscribeAsync(Checkpoint.Start, Tenant, cancel.Token).GetAsyncEnumerator(cancel.Token);
        var next = events.MoveNextAsync().AsTask();

        await using (var open = await OpenAppend.BeginAsync(polling.DataSource, Tenant, "raw", "test.counter-incremented.v1", [new CounterIncremented(1)]))
            await open.CommitAsync();

        (await next.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeTrue();
        events.Current.StreamId.Should().Be("raw");
    }
}

using Platform.Testing;
using Platform.Write.EventStore;

namespace Platform.Write.Tests.EventStore;

public sealed class BatchAppendTests(DatabaseFixture database) : StoreTestBase(database)
{
    [Fact]
    public async Task A_batch_appends_to_many_streams_in_one_transaction()
    {
        var appends = Enumerable.Range(0, 20)
            .Select(i => new StreamAppend(Tenant, $"stream-{i}", ExpectedVersion.NoStream, TestEvents.Increments(i % 3 + 1)))
            .ToArray();

        var results = await Db.Store.AppendBatchAsync(appends);

        results.Select(r => r.StreamVersion).Should().Equal(appends.Select(a => (long)a.Events.Count));
        (await CountTenantEventsAsync()).Should().Be(appends.Sum(a => a.Events.Count));
        (await Db.CountAsync($"tenant_id = '{Tenant}'") ).Should().Be(
            await Db.CountAsync($"tenant_id = '{Tenant}' and transaction_id = (select min(transaction_id) from events where tenant_id = '{Tenant}')"));
    }

    [Fact]
    public async Task One_stale_stream_fails_the_whole_batch_and_writes_nothing()
    {
        await Db.Store.AppendAsync(Tenant, "b", ExpectedVersion.Any, TestEvents.Increment());
        StreamAppend[] appends =
        [
            new(Tenant, "a", ExpectedVersion.NoStream, TestEvents.Increments(2)),
            new(Tenant, "b", ExpectedVersion.NoStream, TestEvents.Increments(2)),
            new(Tenant, "c", ExpectedVersion.NoStream, TestEvents.Increments(2)),
        ];

        var batch = () => Db.Store.AppendBatchAsync(appends);

        var error = (await batch.Should().ThrowAsync<WrongExpectedVersionException>()).Which;
        error.StreamId.Should().Be("b");
        error.ActualVersion.Should().Be(1);
        (await CountTenantEventsAsync()).Should().Be(1);
    }

    [Fact]
    public async Task A_bad_stream_in_a_batch_is_named_and_nothing_is_written()
    {
        StreamAppend[] appends =
        [
            new(Tenant, "a", ExpectedVersion.Any, TestEvents.Increments(2)),
            new(Tenant, "", ExpectedVersion.Any, TestEvents.Increments(2)),
        ];

        var batch = () => Db.Store.AppendBatchAsync(appends);

        (await batch.Should().ThrowAsync<InvalidAppendException>()).Which.Field.Should().Be("appends[1].streamId");
        (await CountTenantEventsAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Retrying_a_batch_returns_the_first_results()
    {
        StreamAppend[] appends =
        [
            new(Tenant, "x", ExpectedVersion.NoStream, TestEvents.Increments(2)),
            new(Tenant, "y", ExpectedVersion.NoStream, TestEvents.Increments(1)),
        ];
        var first = await Db.Store.AppendBatchAsync(appends);

        var retry = await Db.Store.AppendBatchAsync(appends);

        retry.Should().Equal(first.Select(r => r with { AlreadyApplied = true }));
        (await CountTenantEventsAsync()).Should().Be(3);
    }
}

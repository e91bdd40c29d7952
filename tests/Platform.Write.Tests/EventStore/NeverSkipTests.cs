using System.Collections.Concurrent;
using Platform.Testing;
using Platform.Write.EventStore;

namespace Platform.Write.Tests.EventStore;

public sealed class NeverSkipTests(DatabaseFixture database) : StoreTestBase(database)
{
    [Fact]
    public async Task A_reader_waits_for_an_open_transaction_and_then_delivers_it_first()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var delivered = new ConcurrentQueue<RecordedEvent>();
        var subscription = ConsumeAsync(delivered, cancel.Token);

        await using var a = await OpenAppend.BeginAsync(Db.DataSource, Tenant, "a", Counter, [new CounterIncremented(1)]);
        var b = await Db.Store.AppendAsync(Tenant, "b", ExpectedVersion.Any, TestEvents.Increment());
        b.Position.Should().BeGreaterThan(a.Position);
        await Task.Delay(500);

        (await Db.Reader.ReadTenantAsync(Tenant, Checkpoint.Start)).Events.Should().BeEmpty();
        delivered.Should().BeEmpty();

        await a.CommitAsync();

        (await ReadTenantEventuallyAsync(2)).Select(e => e.StreamId).Should().Equal("a", "b");
        await WaitUntilAsync(() => delivered.Count == 2, cancel.Token);
        delivered.Select(e => e.StreamId).Should().Equal("a", "b");
        await cancel.CancelAsync();
        await subscription;
    }

    [Fact]
    public async Task Concurrent_writers_committing_late_lose_nothing_and_duplicate_nothing()
    {
        const int total = 20_000;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var delivered = new ConcurrentQueue<RecordedEvent>();
        var subscription = ConsumeAsync(delivered, cancel.Token);
        var plan = new ConcurrentQueue<int>(Chunks(total, new Random(42)));

        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            while (plan.TryDequeue(out var count))
            {
                await using var open = await OpenAppend.BeginAsync(
                    Db.DataSource, Tenant, $"s{random.Next(50)}", Counter, [.. Enumerable.Range(1, count).Select(i => new CounterIncremented(i))]);
                if (random.Next(3) > 0) await Task.Delay(random.Next(0, 4));
                await open.CommitAsync();
            }
        })).ToArray();
        await Task.WhenAll(writers);
        await WaitUntilAsync(() => delivered.Count >= total, cancel.Token);
        await Task.Delay(300);
        await cancel.CancelAsync();
        await subscription;

        var stored = await ReadTenantEventuallyAsync(total);
        (await CountTenantEventsAsync()).Should().Be(total);
        delivered.Should().HaveCount(total);
        delivered.Select(e => e.EventId).Distinct().Should().HaveCount(total);
        foreach (var stream in delivered.GroupBy(e => e.StreamId))
            stream.Select(e => e.Version).Should().Equal(Enumerable.Range(1, stream.Count()).Select(v => (long)v));
        delivered.Select(e => e.EventId).Should().Equal(stored.Select(e => e.EventId));
    }

    private const string Counter = "test.counter-incremented.v1";

    private Task ConsumeAsync(ConcurrentQueue<RecordedEvent> delivered, CancellationToken ct) => Task.Run(async () =>
    {
        try
        {
            await foreach (var e in Db.Subscription.SubscribeAsync(Checkpoint.Start, Tenant, ct)) delivered.Enqueue(e);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }, CancellationToken.None);

    private static IEnumerable<int> Chunks(int total, Random random)
    {
        while (total > 0)
        {
            var chunk = Math.Min(total, random.Next(1, 5));
            total -= chunk;
            yield return chunk;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken ct)
    {
        while (!condition()) await Task.Delay(20, ct);
    }
}

using Platform.Testing;
using Platform.Write.Audit;
using Platform.Write.EventStore;
using Platform.Write.Tests.EventStore;

namespace Platform.Write.Tests.Audit;

public sealed class ChainSealerTests(DatabaseFixture database) : StoreTestBase(database)
{
    [Fact]
    public async Task The_sealer_never_seals_past_an_event_a_running_transaction_can_still_commit_before()
    {
        var sealer = new EventChainSealer(Db.DataSource, new AuditOptions());
        await using var late = await OpenAppend.BeginAsync(Db.DataSource, Tenant, "a", "test.counter-incremented.v1", [new CounterIncremented(1)]);
        await Db.Store.AppendAsync(Tenant, "b", ExpectedVersion.Any, TestEvents.Increment());

        await sealer.SealAllAsync();
        (await ChainVerifier.VerifyAsync(Db.DataSource, Tenant)).Sealed.Should().Be(0, "b committed after a took its transaction id; sealing b first would fix an order a can still break");

        await late.CommitAsync();
        var report = await SealedAsync(sealer, Tenant, 2);
        report.Intact.Should().BeTrue();
        var events = await ReadTenantEventuallyAsync(2);
        events.Select(e => e.StreamId).Should().Equal("a", "b");
    }

    [Fact]
    public async Task Concurrent_writers_and_two_sealers_leave_every_tenants_chain_whole()
    {
        var tenants = Enumerable.Range(0, 4).Select(_ => Guid.CreateVersion7()).ToArray();
        using var stop = new CancellationTokenSource();
        var sealers = Enumerable.Range(0, 2).Select(_ => SealUntilAsync(new EventChainSealer(Db.DataSource, new AuditOptions { SealBatchSize = 50 }), stop.Token)).ToArray();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 100; i++)
                await Db.Store.AppendAsync(tenants[(writer + i) % tenants.Length], $"s-{writer}-{i % 5}", ExpectedVersion.Any, TestEvents.Increment());
        })));
        await stop.CancelAsync();
        await Task.WhenAll(sealers);

        var sealer = new EventChainSealer(Db.DataSource, new AuditOptions());
        foreach (var tenant in tenants)
        {
            var report = await SealedAsync(sealer, tenant, 200);
            report.Intact.Should().BeTrue(report.Broken?.Detail);
            report.Head!.Seq.Should().Be(200);
        }
    }

    private static async Task SealUntilAsync(EventChainSealer sealer, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            if (await sealer.SealBatchAsync(CancellationToken.None) == 0) await Task.Delay(5, CancellationToken.None);
        }
    }

    // The fence is cluster-wide: another test class's open transaction can hold a seal back for a moment.
    private async Task<ChainReport> SealedAsync(EventChainSealer sealer, Guid tenant, long events)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await sealer.SealAllAsync();
            var report = await ChainVerifier.VerifyAsync(Db.DataSource, tenant);
            if ((report.Sealed == events && report.Unsealed == 0) || !report.Intact || DateTime.UtcNow > deadline) return report;
            await Task.Delay(50);
        }
    }
}

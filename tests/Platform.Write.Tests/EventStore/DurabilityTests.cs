using System.Collections.Concurrent;
using Platform.Write.EventStore;
using Platform.Write.Storage;

namespace Platform.Write.Tests.EventStore;

public sealed class DurabilityTests
{
    [Fact]
    public async Task Every_acknowledged_append_survives_an_immediate_shutdown()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"platform-durability-{Guid.NewGuid():N}");
        await using var cluster = await LocalPostgres.StartAsync(new LocalPostgresOptions(folder) { Durable = true });
        try
        {
            await cluster.CreateDatabaseAsync("durability");
            var tenant = Guid.CreateVersion7();
            var acknowledged = new ConcurrentBag<(Guid EventId, AppendResult Result)>();
            var failures = 0;

            await using (var db = await TestStore.CreateAsync(cluster.ConnectionString("durability")))
            {
                using var crash = new CancellationTokenSource();
                var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
                {
                    for (var i = 0; !crash.IsCancellationRequested || i < 5; i++)
                    {
                        var e = TestEvents.Increment(i);
                        try
                        {
                            acknowledged.Add((e.EventId, await db.Store.AppendAsync(tenant, $"w{w}-{i % 10}", ExpectedVersion.Any, e)));
                        }
                        catch (Exception error) when (error is not OutOfMemoryException)
                        {
                            if (Interlocked.Increment(ref failures) > 3) return;
                        }
                    }
                })).ToArray();

                await Task.Delay(1_500);
                await cluster.StopAsync(immediate: true);
                await crash.CancelAsync();
                await Task.WhenAll(writers);
            }

            await cluster.StartAgainAsync();
            await using var reopened = await TestStore.CreateAsync(cluster.ConnectionString("durability"));
            var stored = new HashSet<Guid>();
            var page = await reopened.Reader.ReadTenantAsync(tenant, Checkpoint.Start, 10_000);
            while (page.Events.Count > 0)
            {
                stored.UnionWith(page.Events.Select(e => e.EventId));
                page = await reopened.Reader.ReadTenantAsync(tenant, page.Next, 10_000);
            }

            acknowledged.Should().HaveCountGreaterThan(100, "the writers ran for a while before the crash");
            acknowledged.Select(a => a.EventId).Should().BeSubsetOf(stored);
            failures.Should().BeGreaterThan(0, "the writers were cut off by the crash");
        }
        finally
        {
            await cluster.StopAsync();
            Directory.Delete(folder, recursive: true);
        }
    }
}

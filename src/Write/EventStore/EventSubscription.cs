using System.Runtime.CompilerServices;

namespace Platform.Write.EventStore;

/// <summary>
/// A catch-up subscription: reads history from a checkpoint in fence order, then goes live,
/// woken by appends (in-process or NOTIFY) and polling as a fallback. Never skips an event.
/// </summary>
public sealed class EventSubscription(EventReader reader, EventNotifier notifier, EventStoreOptions options)
{
    private static readonly TimeSpan MinHeldBackDelay = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan MaxHeldBackDelay = TimeSpan.FromMilliseconds(10);

    public async IAsyncEnumerable<RecordedEvent> SubscribeAsync(
        Checkpoint from, Guid? tenantId = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var checkpoint = from;
        var heldBackDelay = MinHeldBackDelay;
        while (!ct.IsCancellationRequested)
        {
            var generation = notifier.Generation;
            var page = tenantId is { } tenant
                ? await reader.ReadTenantAsync(tenant, checkpoint, options.ReadBatchSize, ct)
                : await reader.ReadAllAsync(checkpoint, options.ReadBatchSize, ct: ct);
            foreach (var e in page.Events) yield return e;
            checkpoint = page.Next;
            if (page.Events.Count > 0) heldBackDelay = MinHeldBackDelay;
            if (page.Events.Count >= options.ReadBatchSize) continue;
            if (page.HeldBack)
            {
                // Nobody is told when a running transaction ends, so look again soon, or at the next append.
                await notifier.WaitAsync(generation, heldBackDelay, ct);
                heldBackDelay = TimeSpan.FromTicks(Math.Min(heldBackDelay.Ticks * 2, MaxHeldBackDelay.Ticks));
                continue;
            }
            await notifier.WaitAsync(generation, options.PollInterval, ct);
        }
    }
}

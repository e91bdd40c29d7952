using Platform.Projections.Tests.Support;
using Platform.Write.EventStore;

namespace Platform.Projections.Tests.Rebuild;

public static class Writers
{
    /// <summary>Appends increments to a few streams of one tenant, up to <paramref name="count"/> or until stopped.</summary>
    public static async Task WriteAsync(Platform.Write.EventStore.EventStore store, int writer, int count, CancellationToken stop = default)
    {
        var random = new Random(writer);
        var tenant = Guid.CreateVersion7();
        for (var i = 0; i < count && !stop.IsCancellationRequested; i++)
        {
            await store.AppendAsync(tenant, $"s{random.Next(10)}", ExpectedVersion.Any, TestEvents.Increment(random.Next(1, 50)), CancellationToken.None);
            if (random.Next(4) == 0) await Task.Delay(random.Next(1, 4), CancellationToken.None);
        }
    }

    /// <summary>Several writers at once, each on its own tenant.</summary>
    public static Task[] Start(Platform.Write.EventStore.EventStore store, int writers, int count, CancellationToken stop = default) =>
        [.. Enumerable.Range(0, writers).Select(w => Task.Run(() => WriteAsync(store, w, count, stop), CancellationToken.None))];
}

using System.Diagnostics;
using Platform.Benchmarks.Append;
using Platform.Write.EventStore;

namespace Platform.Benchmarks.Projections;

/// <summary>What the writers did: how many appends, over how long, and the worst lateness against the schedule.</summary>
internal sealed record SteadyLoad(int Appended, TimeSpan Elapsed, TimeSpan WorstLateness)
{
    public double Rate => Appended / Elapsed.TotalSeconds;
}

/// <summary>
/// One-event appends at a fixed rate, as command handlers write: append k is due at k / rate from
/// the start and goes to writer k mod writers, so the writers interleave evenly and a late append
/// is followed by catching up rather than by a lower rate. Each append starts a stream of its own
/// (lag-k), which gives every event its own read-model row (see <see cref="LagMeasurement"/>).
/// </summary>
internal sealed class SteadyWriters(EventStore store, int rate, int writers)
{
    public const string StreamPrefix = "lag-";

    public async Task<SteadyLoad> RunAsync(TimeSpan duration, long firstSeq, CancellationToken ct)
    {
        var count = (int)(duration.TotalSeconds * rate);
        var clock = Stopwatch.StartNew();
        var lateness = await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(() => WriteAsync(w, count, firstSeq, clock, ct), ct)));
        return new SteadyLoad(count, clock.Elapsed, lateness.Max());
    }

    private async Task<TimeSpan> WriteAsync(int writer, int count, long firstSeq, Stopwatch clock, CancellationToken ct)
    {
        var worst = TimeSpan.Zero;
        for (var k = writer; k < count; k += writers)
        {
            var due = TimeSpan.FromSeconds((double)k / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
            var late = clock.Elapsed - due;
            if (late > worst) worst = late;
            var tenant = EventsSeed.Tenants[k % EventsSeed.Tenants.Count];
            await store.AppendAsync(
                tenant, StreamPrefix + k, ExpectedVersion.NoStream,
                NewEvent.Create(BenchmarkEvents.Item(firstSeq + k), BenchmarkEvents.Metadata), ct);
        }
        return worst;
    }
}

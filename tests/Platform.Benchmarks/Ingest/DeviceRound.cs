using System.Diagnostics;

namespace Platform.Benchmarks.Ingest;

/// <summary>One device's readings of one round: when each was published and, once acked, how long that took.</summary>
internal sealed class DeviceRound(long boot, int readings, int outbox)
{
    private readonly long[] sentAt = new long[readings + 1];
    private readonly double[] latencies = new double[readings];
    private readonly Lock gate = new();
    private long acked;

    public long Boot { get; } = boot;

    /// <summary>Free places in the outbox: a reading takes one when published and gives it back when acked.</summary>
    public SemaphoreSlim Window { get; } = new(outbox, outbox);

    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Publish-to-ack of every reading, in milliseconds.</summary>
    public IReadOnlyList<double> Latencies => latencies;

    public void Sent(long seq) => Volatile.Write(ref sentAt[seq], Stopwatch.GetTimestamp());

    /// <summary>An ack covers every seq up to its own; a lower one (workers racing) changes nothing.</summary>
    public void Acked(long seq, long now)
    {
        int freed;
        lock (gate)
        {
            if (seq <= acked) return;
            seq = Math.Min(seq, readings);
            for (var s = acked + 1; s <= seq; s++) latencies[s - 1] = Stopwatch.GetElapsedTime(Volatile.Read(ref sentAt[s]), now).TotalMilliseconds;
            freed = (int)(seq - acked);
            acked = seq;
        }
        Window.Release(freed);
        if (seq == readings) Done.TrySetResult();
    }
}

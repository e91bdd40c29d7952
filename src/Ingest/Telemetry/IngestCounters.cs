using System.Collections.Concurrent;

namespace Platform.Ingest.Telemetry;

/// <summary>What this process's ingest did since it started: the health check shows it.</summary>
public sealed class IngestCounters
{
    private readonly ConcurrentDictionary<string, long> rejected = new(StringComparer.Ordinal);
    private long stored;
    private long duplicates;
    private long acks;

    public long Stored => Interlocked.Read(ref stored);

    public long Duplicates => Interlocked.Read(ref duplicates);

    public long AcksPublished => Interlocked.Read(ref acks);

    public IReadOnlyDictionary<string, long> Rejected => rejected.ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);

    /// <summary>The broker connection's state, as the worker last saw it.</summary>
    public string Connection { get; set; } = "not started";

    public void Reject(string reason) => rejected.AddOrUpdate(reason, 1, (_, n) => n + 1);

    public void Store(int appended, int duplicated)
    {
        Interlocked.Add(ref stored, appended);
        Interlocked.Add(ref duplicates, duplicated);
    }

    public void Acked(int count) => Interlocked.Add(ref acks, count);

    public override string ToString()
    {
        var refused = Rejected.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}").ToList();
        return $"{Connection}; {Stored} stored, {Duplicates} duplicates, {AcksPublished} acks; rejected: {(refused.Count == 0 ? "none" : string.Join(", ", refused))}";
    }
}

using System.Collections.Concurrent;

namespace Platform.Write.Privacy;

/// <summary>
/// Unwrapped keys of recently used subjects. A live key is kept for <see cref="LiveFor"/> only, so a
/// subject forgotten by another process stops decrypting here within that time; this process
/// forgets at once. A forgotten subject stays forgotten.
/// </summary>
public sealed class SubjectKeyCache(TimeProvider time)
{
    public static readonly TimeSpan LiveFor = TimeSpan.FromSeconds(30);
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<(Guid, Guid), Entry> entries = new();

    /// <summary>True when known: <paramref name="key"/> is the key, or null for a forgotten subject.</summary>
    public bool TryGet(Guid tenantId, Guid subjectId, out byte[]? key)
    {
        key = null;
        if (!entries.TryGetValue((tenantId, subjectId), out var entry)) return false;
        if (entry.Key is not null && entry.Until < time.GetUtcNow())
        {
            entries.TryRemove((tenantId, subjectId), out _);
            return false;
        }
        key = entry.Key;
        return true;
    }

    public void Remember(Guid tenantId, Guid subjectId, byte[]? key)
    {
        if (entries.Count >= MaxEntries) entries.Clear();
        // Never resurrect: once forgotten here, a late reader's key does not come back.
        entries.AddOrUpdate((tenantId, subjectId), new Entry(key, time.GetUtcNow() + LiveFor),
            (_, old) => old.Key is null ? old : new Entry(key, time.GetUtcNow() + LiveFor));
    }

    public void Forget(Guid tenantId, IEnumerable<Guid> subjectIds)
    {
        foreach (var subject in subjectIds) entries[(tenantId, subject)] = new Entry(null, DateTimeOffset.MaxValue);
    }

    public void Clear() => entries.Clear();

    private sealed record Entry(byte[]? Key, DateTimeOffset Until);
}

namespace Platform.Write.EventStore;

/// <summary>
/// One event of a bulk append; the id deduplicates (a re-sent event is skipped). <paramref name="RecordedAt"/>:
/// when it happened, for a business's past brought in (an import, a generated history); null is the commit's time.
/// </summary>
public sealed record BulkEvent(
    Guid TenantId, string StreamId, Guid EventId, object Data, EventMetadata? Metadata = null, DateTimeOffset? RecordedAt = null);

public sealed record BulkAppendResult(int Appended, int Duplicates);

/// <summary>
/// A bulk append validated and serialized, ready to store: preparing needs no connection, so a
/// caller can prepare the next batch while the previous one is being written.
/// </summary>
public sealed class PreparedBulk
{
    internal PreparedBulk(int count, BulkAppender.BulkRow[] rows)
    {
        Count = count;
        Rows = rows;
    }

    /// <summary>The events given, duplicates within the batch included.</summary>
    public int Count { get; }

    internal BulkAppender.BulkRow[] Rows { get; }
}

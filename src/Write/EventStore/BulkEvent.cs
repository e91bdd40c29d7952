namespace Platform.Write.EventStore;

/// <summary>One event of a bulk append; the id deduplicates (a re-sent event is skipped).</summary>
public sealed record BulkEvent(Guid TenantId, string StreamId, Guid EventId, object Data, EventMetadata? Metadata = null);

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

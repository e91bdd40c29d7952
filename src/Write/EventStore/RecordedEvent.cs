namespace Platform.Write.EventStore;

/// <summary>
/// A stored event. <see cref="Data"/> is the deserialized event when its type name is registered,
/// otherwise null; <see cref="Json"/> always holds the stored document.
/// </summary>
public sealed record RecordedEvent(
    long Position,
    ulong TransactionId,
    Guid TenantId,
    string StreamId,
    long Version,
    Guid EventId,
    string Type,
    object? Data,
    string Json,
    EventMetadata Metadata,
    DateTimeOffset RecordedAt)
{
    public Checkpoint Checkpoint => new(TransactionId, Position);
}

/// <summary>
/// A page of events in fence order and the checkpoint to continue from. <see cref="HeldBack"/>
/// says committed events wait behind a transaction that is still running: read again soon.
/// </summary>
public sealed record EventPage(IReadOnlyList<RecordedEvent> Events, Checkpoint Next, bool HeldBack = false);

public enum ReadDirection
{
    Forward,
    Backward,
}

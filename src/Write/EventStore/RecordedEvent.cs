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
/// says a short page has committed events after it (behind a running transaction, or just
/// committed): read again soon instead of waiting for a notification.
/// </summary>
public sealed record EventPage(IReadOnlyList<RecordedEvent> Events, Checkpoint Next, bool HeldBack = false);

public enum ReadDirection
{
    Forward,
    Backward,
}

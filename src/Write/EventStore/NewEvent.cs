namespace Platform.Write.EventStore;

/// <summary>An event to append. The id makes the append idempotent: re-sending it is a no-op.</summary>
public sealed record NewEvent(Guid EventId, object Data, EventMetadata? Metadata = null)
{
    public static NewEvent Create(object data, EventMetadata? metadata = null) =>
        new(Guid.CreateVersion7(), data, metadata);
}

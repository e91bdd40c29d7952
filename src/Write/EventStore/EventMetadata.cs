namespace Platform.Write.EventStore;

/// <summary>Who and what caused an event; stored as jsonb beside the event's data.</summary>
public sealed record EventMetadata(
    string? UserId = null,
    Guid? CorrelationId = null,
    Guid? CausationId = null,
    string? Source = null)
{
    public static EventMetadata Empty { get; } = new();
}

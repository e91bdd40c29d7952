namespace Platform.Write.EventStore;

/// <summary>
/// The stream's version after the append and the global position of its last event.
/// <see cref="AlreadyApplied"/> is true when the events were stored by an earlier identical append.
/// </summary>
public sealed record AppendResult(long StreamVersion, long Position, bool AlreadyApplied);

namespace Platform.Projections.Daemon;

/// <summary>
/// Where a projection stands. <see cref="ActiveInstance"/> is the instance holding its leadership
/// lock anywhere (null when none does); <see cref="ActiveHere"/> says whether that is this process.
/// Readers see the <see cref="Serving"/> generation, so the position, counters and lag here are its;
/// <see cref="Building"/> is the generation being built beside it, when there is one.
/// </summary>
public sealed record ProjectionStatus(
    string Id,
    string Name,
    int Version,
    ProjectionState State,
    bool ActiveHere,
    string? ActiveInstance,
    ProjectionGenerationStatus Serving,
    ProjectionGenerationStatus? Building,
    string? LastError)
{
    public long Position => Serving.Position;

    public ulong TransactionId => Serving.TransactionId;

    public long EventsApplied => Serving.EventsApplied;

    public long EventsSkipped => Serving.EventsSkipped;

    public long LagEvents => Serving.LagEvents;

    public bool LagEventsCapped => Serving.LagEventsCapped;

    public double LagSeconds => Serving.LagSeconds;

    public DateTimeOffset? UpdatedAt => Serving.UpdatedAt;
}

/// <summary>
/// One generation of a projection: its tables and how far it has come. Lag counts events of its types
/// not yet applied, exactly up to a cap (<see cref="LagEventsCapped"/>); <see cref="LagSeconds"/> is
/// the age of the oldest of them, 0 when caught up. <see cref="HeadPosition"/> is the newest event's
/// position in the store, which a generation being built works its <see cref="Position"/> up to.
/// </summary>
public sealed record ProjectionGenerationStatus(
    string Id,
    int Version,
    int Generation,
    IReadOnlyList<string> Tables,
    long Position,
    ulong TransactionId,
    long EventsApplied,
    long EventsSkipped,
    long LagEvents,
    bool LagEventsCapped,
    double LagSeconds,
    long HeadPosition,
    string? LastError,
    DateTimeOffset? UpdatedAt);

/// <summary>An event a projection failed on, open until it applies or is skipped.</summary>
public sealed record ProjectionFault(
    string Projection,
    long Position,
    ulong TransactionId,
    Guid EventId,
    Guid TenantId,
    string StreamId,
    string EventType,
    string Error,
    int Attempts,
    DateTimeOffset FirstFailedAt,
    DateTimeOffset LastFailedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? SkippedAt,
    string? SkippedBy,
    string? SkipReason)
{
    public bool IsOpen => ResolvedAt is null && SkippedAt is null;
}

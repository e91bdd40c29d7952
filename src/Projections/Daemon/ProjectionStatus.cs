namespace Platform.Projections.Daemon;

/// <summary>
/// Where a projection stands. <see cref="ActiveInstance"/> is the instance holding its leadership
/// lock anywhere (null when none does); <see cref="ActiveHere"/> says whether that is this process.
/// Lag counts events of its types not yet applied, exactly up to a cap (<see cref="LagEventsCapped"/>);
/// <see cref="LagSeconds"/> is the age of the oldest of them, 0 when caught up.
/// </summary>
public sealed record ProjectionStatus(
    string Id,
    string Name,
    int Version,
    ProjectionState State,
    bool ActiveHere,
    string? ActiveInstance,
    long Position,
    ulong TransactionId,
    long EventsApplied,
    long EventsSkipped,
    long LagEvents,
    bool LagEventsCapped,
    double LagSeconds,
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

namespace Platform.Projections.Daemon;

/// <summary>No projection of this name or identity is registered in this process.</summary>
public sealed class UnknownProjectionException(string projection)
    : Exception($"No projection '{projection}' is registered.")
{
    public string Projection { get; } = projection;
}

/// <summary>An operator's skip that would lose or repeat an event, and was therefore refused.</summary>
public sealed class SkipRefusedException(string projection, long position, string reason)
    : Exception($"Cannot skip the event at position {position} for {projection}: {reason}.")
{
    public string Projection { get; } = projection;

    public long Position { get; } = position;

    public string Reason { get; } = reason;
}

/// <summary>A rebuild that cannot be requested now, such as of a version that is not the one serving.</summary>
public sealed class RebuildRefusedException(string projection, string reason)
    : Exception($"Cannot rebuild {projection}: {reason}.")
{
    public string Projection { get; } = projection;

    public string Reason { get; } = reason;
}

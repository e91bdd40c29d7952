namespace Platform.Projections.Daemon;

public enum ProjectionState
{
    /// <summary>Not run by this process (the daemon is stopped or not hosted here).</summary>
    Stopped,

    /// <summary>Waiting to become the active instance; another process holds the projection.</summary>
    Standby,

    /// <summary>Active here and applying events.</summary>
    Running,

    /// <summary>Active but stuck on an event that fails; retried with backoff until it applies or is skipped.</summary>
    Faulted,

    /// <summary>Reserved for blue/green rebuilds.</summary>
    Rebuilding,
}

/// <summary>What this process's runner of one projection is doing.</summary>
public sealed record ProjectionRunnerState(
    string Projection, ProjectionState State, string Instance, DateTimeOffset Since, string? LastError = null)
{
    public bool IsActive => State is ProjectionState.Running or ProjectionState.Faulted or ProjectionState.Rebuilding;
}

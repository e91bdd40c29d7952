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

    /// <summary>
    /// Active and building a generation from the first event beside the one serving reads (a new
    /// version, or an operator's rebuild); it switches the views to it once it has caught up.
    /// </summary>
    Rebuilding,

    /// <summary>A newer version serves this projection; this process's older code never applies it again.</summary>
    Retired,
}

/// <summary>What this process's runner of one projection is doing.</summary>
public sealed record ProjectionRunnerState(
    string Projection, ProjectionState State, string Instance, DateTimeOffset Since, string? LastError = null)
{
    public bool IsActive => State is ProjectionState.Running or ProjectionState.Faulted or ProjectionState.Rebuilding;
}

namespace Platform.Projections.Daemon;

public sealed class ProjectionOptions
{
    /// <summary>Most events applied in one transaction.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How long a caught-up projection waits for an append notification before reading anyway.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a standby tries to become the active instance.</summary>
    public TimeSpan StandbyRetry { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the active instance checks that it still holds its leadership lock.</summary>
    public TimeSpan LeaseCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>First wait before retrying a failed event; doubles up to <see cref="FaultBackoffMax"/>.</summary>
    public TimeSpan FaultBackoffMin { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan FaultBackoffMax { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// An apply transaction idle this long is ended by PostgreSQL: while it is open it holds back
    /// every reader's fence, so a hung projection must not hold it for ever.
    /// </summary>
    public TimeSpan IdleTransactionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Lag in events is counted exactly up to this many, then reported as capped.</summary>
    public int LagCountCap { get; set; } = 10_000;

    /// <summary>Names this process in status and logs; unique per daemon.</summary>
    public string InstanceName { get; set; } =
        $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";

    internal void Validate()
    {
        if (BatchSize is < 1 or > 10_000) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "Between 1 and 10,000.");
        if (LagCountCap < 1) throw new ArgumentOutOfRangeException(nameof(LagCountCap), LagCountCap, "At least 1.");
        foreach (var (name, value) in (ReadOnlySpan<(string, TimeSpan)>)[
                     (nameof(PollInterval), PollInterval), (nameof(StandbyRetry), StandbyRetry),
                     (nameof(LeaseCheckInterval), LeaseCheckInterval), (nameof(FaultBackoffMin), FaultBackoffMin),
                     (nameof(FaultBackoffMax), FaultBackoffMax), (nameof(IdleTransactionTimeout), IdleTransactionTimeout)])
        {
            if (value <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(name, value, "Must be positive.");
        }
        if (FaultBackoffMax < FaultBackoffMin)
            throw new ArgumentOutOfRangeException(nameof(FaultBackoffMax), FaultBackoffMax, "Must not be below FaultBackoffMin.");
        if (string.IsNullOrWhiteSpace(InstanceName)) throw new ArgumentException("An instance name is required.", nameof(InstanceName));
    }
}

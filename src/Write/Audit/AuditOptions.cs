namespace Platform.Write.Audit;

public sealed class AuditOptions
{
    /// <summary>Run the chain sealer in this process (any number of processes may; one seals at a time).</summary>
    public bool RunSealer { get; set; } = true;

    /// <summary>Events sealed per transaction.</summary>
    public int SealBatchSize { get; set; } = 1_000;

    /// <summary>How long a caught-up sealer waits for an append before looking again.</summary>
    public TimeSpan SealInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Least time between two recorded heads of one tenant's chain.</summary>
    public TimeSpan HeadInterval { get; set; } = TimeSpan.FromMinutes(5);
}

namespace Platform.Benchmarks.Common;

/// <summary>What the runner needs from a scenario's database between runs.</summary>
internal interface IBenchmarkTables
{
    /// <summary>Puts the tables back in the starting state, so every run starts alike.</summary>
    Task ResetAsync(CancellationToken ct);

    /// <summary>Rows the side stored: a run that wrote less than it claims must not score.</summary>
    Task<long> CountAsync(Side side, CancellationToken ct);
}

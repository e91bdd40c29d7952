namespace Platform.Benchmarks.Projections;

/// <summary>
/// Lag of the read model behind appends over a steady load, per event, from the append's commit to
/// the commit of the transaction that applied it; how many apply transactions carried the events.
/// </summary>
internal sealed record LagResult(SteadyLoad Load, long Events, double P50Ms, double P95Ms, double P99Ms, double MaxMs, long ApplyTransactions)
{
    public const double TargetP95Ms = 100;

    public bool MeetsTarget => P95Ms < TargetP95Ms;
}

namespace Platform.Benchmarks.Common;

/// <summary>
/// One benchmark case: <paramref name="RunAsync"/> writes a number of events (a multiple of
/// <paramref name="Unit"/>) as one side, from freshly reset tables.
/// </summary>
/// <param name="Target">The lowest acceptable ours/raw throughput ratio.</param>
internal sealed record Comparison(
    string Name, double Target, int Events, int Unit, Func<Side, int, CancellationToken, Task> RunAsync)
{
    /// <summary>Enough to JIT our code and the client's, fill the statement caches and the pools.</summary>
    public int WarmupEvents => Math.Max(Unit, Events / 10 / Unit * Unit);
}

namespace Platform.Benchmarks.Common;

/// <summary>Who writes the events: our store, or plain SQL doing the least that stores the same rows.</summary>
internal enum Side
{
    Ours,
    Raw,
}

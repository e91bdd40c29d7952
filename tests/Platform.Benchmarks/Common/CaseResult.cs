namespace Platform.Benchmarks.Common;

/// <summary>Median events per second of each side over the rounds; every round's figure is kept for the log.</summary>
internal sealed record CaseResult(string Name, double Ours, double Raw, double Target, IReadOnlyList<double> OursRounds, IReadOnlyList<double> RawRounds)
{
    public double Ratio => Raw > 0 ? Ours / Raw : 0;

    public bool MeetsTarget => Ratio >= Target;
}

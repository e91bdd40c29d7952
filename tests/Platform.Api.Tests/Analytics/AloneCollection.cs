namespace Platform.Api.Tests.Analytics;

/// <summary>
/// Tests heavy enough to starve the rest of the suite on two cores (a 100,000-event history and its oracles): they
/// run alone, so other tests' waits for their projections are not measured against this one's load.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "Runs alone";
}

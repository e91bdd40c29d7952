using Platform.Projections.Daemon;

namespace Platform.Projections.Generations;

/// <summary>
/// One build of a registered projection's read tables, with its own checkpoint: generation 1 of a
/// version is its first build, each operator's rebuild of that version is the next generation.
/// </summary>
internal sealed record ProjectionGeneration(RegisteredProjection Projection, int Generation)
{
    public string Id { get; } = ProjectionIdentity.Of(Projection.Name, Projection.Version, Generation);

    public string Name => Projection.Name;

    public int Version => Projection.Version;

    public GenerationRow Row => new(Id, Version, Generation, Projection.EventTypes, Projection.Tables);

    public string Table(string baseName)
    {
        if (Projection.Tables.Length > 0 && !Projection.Tables.Contains(baseName, StringComparer.Ordinal))
            throw new ArgumentException(
                $"Projection {Projection.Id} does not declare table '{baseName}' in its Tables, so no view would serve it.", nameof(baseName));
        return ProjectionIdentity.Table(baseName, Version, Generation);
    }
}

/// <summary>A generation as recorded in <c>projection_generations</c>, whose code need not be deployed here.</summary>
internal sealed record GenerationRow(string Id, int Version, int Generation, string[] EventTypes, string[] Tables)
{
    public IEnumerable<string> PhysicalTables => Tables.Select(t => ProjectionIdentity.Table(t, Version, Generation));

    /// <summary>Built later than <paramref name="other"/>: a higher version, or a rebuild of the same one.</summary>
    public bool IsNewerThan(GenerationRow other) =>
        Version > other.Version || (Version == other.Version && Generation > other.Generation);
}

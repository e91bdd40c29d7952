namespace Platform.Projections.Daemon;

/// <summary>
/// A registered projection with its versioned identity, the event types it reads and the base names
/// of its read tables (<see cref="IProjection.Tables"/>).
/// </summary>
public sealed record RegisteredProjection(IProjection Projection, string Id, string[] EventTypes, string[] Tables)
{
    public string Name => Projection.Name;

    public int Version => Projection.Version;
}

/// <summary>Every projection registered in this process, checked once: identities unique, types named, tables owned by one projection.</summary>
public sealed class ProjectionCatalog
{
    // Rebuilds add "_r<generation>" to table names; refusing names that leave no room for it here
    // beats failing the 999th rebuild of a version.
    private const int GenerationRoom = 999;

    private readonly Dictionary<string, RegisteredProjection> _byId = new(StringComparer.Ordinal);

    public ProjectionCatalog(IEnumerable<IProjection> projections)
    {
        ArgumentNullException.ThrowIfNull(projections);
        var tableOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var projection in projections.Distinct())
        {
            var id = ProjectionIdentity.Of(projection);
            var types = projection.EventTypes?.Distinct(StringComparer.Ordinal).ToArray() ?? [];
            if (types.Length == 0 || types.Any(string.IsNullOrWhiteSpace))
                throw new ArgumentException($"Projection {id} must name the event types it reads.", nameof(projections));
            var tables = projection.Tables?.Distinct(StringComparer.Ordinal).ToArray() ?? [];
            foreach (var table in tables)
            {
                ProjectionIdentity.Table(table, projection.Version, GenerationRoom);
                // Versions of one projection share their views; two projections sharing one would overwrite each other.
                if (tableOwners.TryGetValue(table, out var owner) && owner != projection.Name)
                    throw new ArgumentException($"Projections {owner} and {projection.Name} both declare table {table}.", nameof(projections));
                tableOwners[table] = projection.Name;
            }
            if (!_byId.TryAdd(id, new RegisteredProjection(projection, id, types, tables)))
                throw new ArgumentException($"Two projections are registered as {id}.", nameof(projections));
        }
        All = [.. _byId.Values.OrderBy(p => p.Id, StringComparer.Ordinal)];
    }

    public IReadOnlyList<RegisteredProjection> All { get; }

    /// <summary>
    /// By versioned identity (<c>counter-totals.v2</c>), or by plain name when only one version of
    /// it is registered.
    /// </summary>
    public RegisteredProjection? Find(string projection)
    {
        if (string.IsNullOrWhiteSpace(projection)) return null;
        if (_byId.TryGetValue(projection, out var exact)) return exact;
        var byName = All.Where(p => p.Name == projection).ToList();
        return byName.Count == 1 ? byName[0] : null;
    }

    public RegisteredProjection Get(string projection) => Find(projection) ?? throw new UnknownProjectionException(projection);
}

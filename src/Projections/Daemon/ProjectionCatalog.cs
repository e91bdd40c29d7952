namespace Platform.Projections.Daemon;

/// <summary>A registered projection with its versioned identity and the event types it reads.</summary>
public sealed record RegisteredProjection(IProjection Projection, string Id, string[] EventTypes)
{
    public string Name => Projection.Name;

    public int Version => Projection.Version;
}

/// <summary>Every projection registered in this process, checked once: identities unique, types named.</summary>
public sealed class ProjectionCatalog
{
    private readonly Dictionary<string, RegisteredProjection> _byId = new(StringComparer.Ordinal);

    public ProjectionCatalog(IEnumerable<IProjection> projections)
    {
        ArgumentNullException.ThrowIfNull(projections);
        foreach (var projection in projections.Distinct())
        {
            var id = ProjectionIdentity.Of(projection);
            var types = projection.EventTypes?.Distinct(StringComparer.Ordinal).ToArray() ?? [];
            if (types.Length == 0 || types.Any(string.IsNullOrWhiteSpace))
                throw new ArgumentException($"Projection {id} must name the event types it reads.", nameof(projections));
            if (!_byId.TryAdd(id, new RegisteredProjection(projection, id, types)))
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

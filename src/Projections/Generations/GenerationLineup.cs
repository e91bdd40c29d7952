using Npgsql;
using Platform.Projections.Daemon;

namespace Platform.Projections.Generations;

/// <summary>An operator's rebuild not yet switched to; <see cref="Generation"/> is set once the active instance started it.</summary>
internal sealed record OpenRebuild(long Id, int Version, int? Generation);

/// <summary>
/// The generations of one projection name that still have tables: the one serving reads
/// (<see cref="Active"/>, null before the first deployment) and any being built beside it.
/// </summary>
internal sealed record GenerationLineup(GenerationRow? Active, IReadOnlyList<GenerationRow> Live, OpenRebuild? Rebuild)
{
    private const string LoadSql = """
        select g.projection, g.version, g.generation, g.event_types, g.tables, g.projection = v.active_projection
          from projection_generations g
          left join projection_versions v on v.projection_name = g.projection_name
         where g.projection_name = $1 and g.retired_at is null
        """;

    private const string RebuildSql = """
        select id, version, generation from projection_rebuilds where projection_name = $1 and completed_at is null
        """;

    /// <summary>A newer version serves: this code's version is never applied again.</summary>
    public bool Retires(RegisteredProjection projection) => Active is { } active && active.Version > projection.Version;

    /// <summary>Replaced by the serving generation (or never to serve, being older than it).</summary>
    public bool Replaces(GenerationRow generation) => Active is { } active && active.IsNewerThan(generation);

    /// <summary>
    /// The generation of this code's version that serves reads. On a first deployment that is its
    /// first generation at once: the views point at it from the start and status shows it catching up.
    /// </summary>
    public int? Serving(RegisteredProjection projection) =>
        Active is null ? LatestOf(projection) ?? 1
        : Active.Version == projection.Version ? Active.Generation
        : null;

    /// <summary>
    /// The generation of this code's version being built beside the serving one: the whole version
    /// when it is newer than the serving one, or the generation of an operator's rebuild once started.
    /// </summary>
    public int? Building(RegisteredProjection projection) =>
        Active is null || Active.Version > projection.Version ? null
        : Active.Version < projection.Version ? LatestOf(projection) ?? 1
        : Rebuild is { Generation: { } generation } rebuild && rebuild.Version == projection.Version ? generation
        : null;

    /// <summary>A rebuild of this code's version was requested and nobody has started it yet.</summary>
    public OpenRebuild? PendingRebuild(RegisteredProjection projection) =>
        Rebuild is { Generation: null } rebuild && Active?.Version == projection.Version && rebuild.Version == projection.Version
            ? rebuild
            : null;

    private int? LatestOf(RegisteredProjection projection) =>
        Live.Where(g => g.Version == projection.Version).Max(g => (int?)g.Generation);

    public static async Task<GenerationLineup> LoadAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string name, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        var generations = new NpgsqlBatchCommand(LoadSql);
        generations.Parameters.Add(new() { Value = name });
        var rebuilds = new NpgsqlBatchCommand(RebuildSql);
        rebuilds.Parameters.Add(new() { Value = name });
        batch.BatchCommands.Add(generations);
        batch.BatchCommands.Add(rebuilds);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        var live = new List<GenerationRow>();
        GenerationRow? active = null;
        while (await reader.ReadAsync(ct))
        {
            var row = new GenerationRow(
                reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2),
                reader.GetFieldValue<string[]>(3), reader.GetFieldValue<string[]>(4));
            live.Add(row);
            if (!reader.IsDBNull(5) && reader.GetBoolean(5)) active = row;
        }
        await reader.NextResultAsync(ct);
        OpenRebuild? rebuild = null;
        if (await reader.ReadAsync(ct))
            rebuild = new OpenRebuild(reader.GetInt64(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetInt32(2));
        return new GenerationLineup(active, live, rebuild);
    }

    public static async Task<GenerationLineup> LoadAsync(NpgsqlDataSource dataSource, string name, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await LoadAsync(connection, null, name, ct);
    }
}

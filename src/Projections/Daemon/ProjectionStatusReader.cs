using Npgsql;
using Platform.Projections.Generations;

namespace Platform.Projections.Daemon;

/// <summary>
/// Status of every registered projection, for health, metrics and operators. State is this
/// process's runner's when it runs one; otherwise it is read from the database and the lock table.
/// </summary>
public sealed class ProjectionStatusReader(
    NpgsqlDataSource dataSource, ProjectionCatalog catalog, ProjectionRunnerRegistry registry, ProjectionOptions options,
    TimeProvider time)
{
    public async Task<IReadOnlyList<ProjectionStatus>> GetAsync(CancellationToken ct = default)
    {
        var statuses = new List<ProjectionStatus>(catalog.All.Count);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        foreach (var projection in catalog.All) statuses.Add(await ReadAsync(connection, projection, ct));
        return statuses;
    }

    public async Task<ProjectionStatus> GetAsync(string projection, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await ReadAsync(connection, catalog.Get(projection), ct);
    }

    private async Task<ProjectionStatus> ReadAsync(NpgsqlConnection connection, RegisteredProjection projection, CancellationToken ct)
    {
        var lineup = await GenerationLineup.LoadAsync(connection, null, projection.Name, ct);
        // Before its first run nothing is recorded: it would serve its first generation, from the start.
        var servingRow = lineup.Active ?? new ProjectionGeneration(projection, lineup.Serving(projection) ?? 1).Row;
        var buildingRow = lineup.Building(projection) is { } generation ? new ProjectionGeneration(projection, generation).Row : null;
        var now = time.GetUtcNow();
        var serving = await GenerationStatusQuery.ReadAsync(connection, servingRow, options.LagCountCap, now, ct);
        var building = buildingRow is null ? null : await GenerationStatusQuery.ReadAsync(connection, buildingRow, options.LagCountCap, now, ct);
        var locked = await GenerationStatusQuery.IsLockedAsync(connection, projection.Id, ct);
        // Only this version's generations say what this version's runner is doing.
        var own = new[] { servingRow.Version == projection.Version ? serving : null, building }.OfType<GenerationReading>().ToList();
        var local = registry.Get(projection.Id);
        return new ProjectionStatus(
            projection.Id, projection.Name, projection.Version,
            State(local, lineup.Retires(projection), locked, own, building is not null),
            ActiveHere: local?.IsActive == true,
            ActiveInstance: locked ? own.Select(g => g.Owner).LastOrDefault(o => o is not null) : null,
            serving.Status, building?.Status,
            LastError: building?.Status.LastError ?? serving.Status.LastError ?? local?.LastError);
    }

    private static ProjectionState State(
        ProjectionRunnerState? local, bool retired, bool locked, List<GenerationReading> own, bool building) =>
        local is { State: not ProjectionState.Stopped } ? local.State
        : retired ? ProjectionState.Retired
        : !locked ? ProjectionState.Stopped
        : own.Any(g => g.StoredState == "faulted") ? ProjectionState.Faulted
        : building ? ProjectionState.Rebuilding
        : ProjectionState.Running;

    /// <summary>
    /// Faults of one projection's generations of its registered version, newest first; only open ones
    /// unless <paramref name="includeClosed"/>. Each names its generation in <see cref="ProjectionFault.Projection"/>.
    /// </summary>
    public async Task<IReadOnlyList<ProjectionFault>> GetFaultsAsync(
        string projection, bool includeClosed = false, int limit = 100, CancellationToken ct = default)
    {
        var registered = catalog.Get(projection);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var lineup = await GenerationLineup.LoadAsync(connection, null, registered.Name, ct);
        var ids = lineup.Live.Where(g => g.Version == registered.Version).Select(g => g.Id).Append(registered.Id).Distinct().ToArray();
        await using var command = new NpgsqlCommand($"""
            select projection, position, transaction_id, event_id, tenant_id, stream_id, event_type, error, attempts,
                   first_failed_at, last_failed_at, resolved_at, skipped_at, skipped_by, skip_reason
              from projection_faults
             where projection = any($1) {(includeClosed ? "" : "and resolved_at is null and skipped_at is null")}
             order by last_failed_at desc, position desc limit $2
            """, connection);
        command.Parameters.Add(new() { Value = ids });
        command.Parameters.Add(new() { Value = Math.Clamp(limit, 1, 1_000) });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var faults = new List<ProjectionFault>();
        while (await reader.ReadAsync(ct))
        {
            faults.Add(new ProjectionFault(
                reader.GetString(0), reader.GetInt64(1), reader.GetFieldValue<ulong>(2), reader.GetGuid(3), reader.GetGuid(4),
                reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetInt32(8),
                reader.GetFieldValue<DateTimeOffset>(9), reader.GetFieldValue<DateTimeOffset>(10),
                reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11),
                reader.IsDBNull(12) ? null : reader.GetFieldValue<DateTimeOffset>(12),
                reader.IsDBNull(13) ? null : reader.GetString(13),
                reader.IsDBNull(14) ? null : reader.GetString(14)));
        }
        return faults;
    }
}

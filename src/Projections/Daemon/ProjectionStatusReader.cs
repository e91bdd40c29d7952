using Npgsql;

namespace Platform.Projections.Daemon;

/// <summary>
/// Status of every registered projection, for health, metrics and operators. State is this
/// process's runner's when it runs one; otherwise it is read from the database and the lock table.
/// </summary>
public sealed class ProjectionStatusReader(
    NpgsqlDataSource dataSource, ProjectionCatalog catalog, ProjectionRunnerRegistry registry, ProjectionOptions options,
    TimeProvider time)
{
    // Lag is counted through the fence index up to a cap, so a far-behind projection costs a bounded scan.
    private const string StatusSql = """
        with c as (
            select p.projection, c.transaction_id, c.position, c.events_applied, c.events_skipped, c.status, c.owner, c.updated_at,
                   coalesce(c.transaction_id, '0'::xid8) as tx, coalesce(c.position, 0) as pos
              from (select $1::text as projection) p left join projection_checkpoints c using (projection)
        )
        select c.transaction_id, c.position, c.events_applied, c.events_skipped, c.status, c.owner, c.updated_at,
               (select count(*) from (select 1 from events e
                                       where e.type = any($2) and (e.transaction_id, e.position) > (c.tx, c.pos) limit $3) l),
               (select e.recorded_at from events e where e.type = any($2) and (e.transaction_id, e.position) > (c.tx, c.pos)
                 order by e.transaction_id, e.position limit 1),
               (select f.error from projection_faults f
                 where f.projection = c.projection and f.resolved_at is null and f.skipped_at is null
                 order by f.last_failed_at desc limit 1),
               exists (select 1 from pg_locks l
                        where l.locktype = 'advisory' and l.granted and l.objsubid = 2
                          and l.database = (select oid from pg_database where datname = current_database())
                          and l.classid = $4::int4::oid and l.objid = hashtext(c.projection)::oid)
          from c
        """;

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
        await using var command = new NpgsqlCommand(StatusSql, connection);
        command.Parameters.Add(new() { Value = projection.Id });
        command.Parameters.Add(new() { Value = projection.EventTypes });
        command.Parameters.Add(new() { Value = (long)options.LagCountCap + 1 });
        command.Parameters.Add(new() { Value = ProjectionLease.LockSpace });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var lag = reader.GetInt64(7);
        var oldest = reader.IsDBNull(8) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(8);
        var locked = reader.GetBoolean(10);
        var local = registry.Get(projection.Id);
        var dbStatus = reader.IsDBNull(4) ? null : reader.GetString(4);
        return new ProjectionStatus(
            projection.Id, projection.Name, projection.Version,
            State(local, dbStatus, locked),
            ActiveHere: local?.IsActive == true,
            ActiveInstance: locked && !reader.IsDBNull(5) ? reader.GetString(5) : null,
            Position: reader.IsDBNull(1) ? 0 : reader.GetInt64(1),
            TransactionId: reader.IsDBNull(0) ? 0 : reader.GetFieldValue<ulong>(0),
            EventsApplied: reader.IsDBNull(2) ? 0 : reader.GetInt64(2),
            EventsSkipped: reader.IsDBNull(3) ? 0 : reader.GetInt64(3),
            LagEvents: Math.Min(lag, options.LagCountCap),
            LagEventsCapped: lag > options.LagCountCap,
            LagSeconds: oldest is { } at ? Math.Max(0, (time.GetUtcNow() - at).TotalSeconds) : 0,
            LastError: reader.IsDBNull(9) ? local?.LastError : reader.GetString(9),
            UpdatedAt: reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6));
    }

    private static ProjectionState State(ProjectionRunnerState? local, string? dbStatus, bool locked) =>
        local is { State: not ProjectionState.Stopped } ? local.State
        : !locked ? ProjectionState.Stopped
        : dbStatus switch
        {
            "faulted" => ProjectionState.Faulted,
            "rebuilding" => ProjectionState.Rebuilding,
            _ => ProjectionState.Running,
        };

    /// <summary>Faults of one projection, newest first; only open ones unless <paramref name="includeClosed"/>.</summary>
    public async Task<IReadOnlyList<ProjectionFault>> GetFaultsAsync(
        string projection, bool includeClosed = false, int limit = 100, CancellationToken ct = default)
    {
        var id = catalog.Get(projection).Id;
        await using var command = dataSource.CreateCommand($"""
            select projection, position, transaction_id, event_id, tenant_id, stream_id, event_type, error, attempts,
                   first_failed_at, last_failed_at, resolved_at, skipped_at, skipped_by, skip_reason
              from projection_faults
             where projection = $1 {(includeClosed ? "" : "and resolved_at is null and skipped_at is null")}
             order by last_failed_at desc, position desc limit $2
            """);
        command.Parameters.Add(new() { Value = id });
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

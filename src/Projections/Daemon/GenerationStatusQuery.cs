using Npgsql;
using Platform.Projections.Generations;

namespace Platform.Projections.Daemon;

/// <summary>A generation's status with what the reader needs besides: its stored state and owner.</summary>
internal sealed record GenerationReading(ProjectionGenerationStatus Status, string? StoredState, string? Owner);

/// <summary>Reads one generation's checkpoint, lag and open fault, and whether a projection's leadership lock is held.</summary>
internal static class GenerationStatusQuery
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
               (select e.position from events e order by e.transaction_id desc, e.position desc limit 1)
          from c
        """;

    private const string LockedSql = """
        select exists (select 1 from pg_locks l
                        where l.locktype = 'advisory' and l.granted and l.objsubid = 2
                          and l.database = (select oid from pg_database where datname = current_database())
                          and l.classid = $1::int4::oid and l.objid = hashtext($2)::oid)
        """;

    public static async Task<GenerationReading> ReadAsync(
        NpgsqlConnection connection, GenerationRow generation, int lagCap, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(StatusSql, connection);
        command.Parameters.Add(new() { Value = generation.Id });
        command.Parameters.Add(new() { Value = generation.EventTypes });
        command.Parameters.Add(new() { Value = (long)lagCap + 1 });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var lag = reader.GetInt64(7);
        var oldest = reader.IsDBNull(8) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(8);
        var status = new ProjectionGenerationStatus(
            generation.Id, generation.Version, generation.Generation, [.. generation.PhysicalTables],
            Position: reader.IsDBNull(1) ? 0 : reader.GetInt64(1),
            TransactionId: reader.IsDBNull(0) ? 0 : reader.GetFieldValue<ulong>(0),
            EventsApplied: reader.IsDBNull(2) ? 0 : reader.GetInt64(2),
            EventsSkipped: reader.IsDBNull(3) ? 0 : reader.GetInt64(3),
            LagEvents: Math.Min(lag, lagCap),
            LagEventsCapped: lag > lagCap,
            LagSeconds: oldest is { } at ? Math.Max(0, (now - at).TotalSeconds) : 0,
            HeadPosition: reader.IsDBNull(10) ? 0 : reader.GetInt64(10),
            LastError: reader.IsDBNull(9) ? null : reader.GetString(9),
            UpdatedAt: reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6));
        return new GenerationReading(status, reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5));
    }

    public static async Task<bool> IsLockedAsync(NpgsqlConnection connection, string projectionId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(LockedSql, connection);
        command.Parameters.Add(new() { Value = ProjectionLease.LockSpace });
        command.Parameters.Add(new() { Value = projectionId });
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }
}

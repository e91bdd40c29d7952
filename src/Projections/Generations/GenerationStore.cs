using Npgsql;
using Platform.Projections.Daemon;
using Platform.Write.EventStore;

namespace Platform.Projections.Generations;

/// <summary>Starts generations: their tables, row and checkpoint; a projection's first generation also starts serving.</summary>
internal sealed class GenerationStore(NpgsqlDataSource dataSource)
{
    private const string UpsertSql = """
        insert into projection_generations (projection, projection_name, version, generation, event_types, tables, created_at)
        values ($1, $2, $3, $4, $5, $6, $7)
        on conflict (projection) do update set event_types = excluded.event_types, tables = excluded.tables
        """;

    private const string ActivateSql = """
        insert into projection_versions (projection_name, active_version, active_generation, active_projection, switched_at)
        values ($1, $2, $3, $4, $5)
        """;

    private const string RecordFirstSql = """
        insert into projection_switches (projection_name, from_projection, to_projection, reason, switched_by, dropped_tables, switched_at)
        values ($1, null, $2, 'first', $3, '{}', $4)
        """;

    /// <summary>
    /// Runs the projection's <see cref="IProjection.InitializeAsync"/> and makes sure the generation's
    /// row and checkpoint exist, in one transaction, and returns where it is; null when a switch has
    /// replaced it, so it must not run (nor create its tables again). Only the leader runs this, and the
    /// version lock orders it with switches, so its DDL never races another instance's.
    /// </summary>
    public async Task<Checkpoint?> InitializeAsync(ProjectionGeneration generation, string instance, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await VersionLock.AcquireAsync(connection, transaction, generation.Name, ct);
        var lineup = await GenerationLineup.LoadAsync(connection, transaction, generation.Name, ct);
        var row = generation.Row;
        if (lineup.Replaces(row))
        {
            await transaction.RollbackAsync(ct);
            return null;
        }
        await generation.Projection.Projection.InitializeAsync(new ProjectionContext(generation, connection, transaction), ct);
        await ReadTableAccess.SecureTablesAsync(connection, transaction, row.PhysicalTables, ct);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(BatchCommands.Of(UpsertSql,
                generation.Id, generation.Name, generation.Version, generation.Generation, row.EventTypes, row.Tables, now));
            if (lineup.Active is null)
            {
                batch.BatchCommands.Add(BatchCommands.Of(ActivateSql, generation.Name, generation.Version, generation.Generation, generation.Id, now));
                batch.BatchCommands.Add(BatchCommands.Of(RecordFirstSql, generation.Name, generation.Id, instance, now));
            }
            await batch.ExecuteNonQueryAsync(ct);
        }
        var checkpoint = await CheckpointStore.EnsureAsync(connection, transaction, generation.Id, instance, now, ct);
        // Also for the serving generation on every start, so a view follows the code's current tables.
        if (lineup.Active is null || lineup.Active.Id == generation.Id)
            await ViewSwitcher.PointAsync(connection, transaction, row, [], ct);
        await transaction.CommitAsync(ct);
        return checkpoint;
    }
}

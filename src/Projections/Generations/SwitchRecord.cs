using Npgsql;

namespace Platform.Projections.Generations;

/// <summary>
/// The bookkeeping of a switch, in its transaction: which generation serves, which are retired, the
/// rebuild request it completes, and a lasting record of the switch once the old tables are gone.
/// </summary>
internal static class SwitchRecord
{
    private const string ActivateSql = """
        update projection_versions
           set active_version = $2, active_generation = $3, active_projection = $4,
               previous_version = active_version, previous_generation = active_generation, switched_at = $5
         where projection_name = $1
        """;

    private const string RetireSql = "update projection_generations set retired_at = $2 where projection = any($1)";

    private const string CloseRebuildsSql = """
        update projection_rebuilds
           set completed_at = $4, outcome = case when version = $2 and generation = $3 then 'switched' else 'superseded' end
         where projection_name = $1 and completed_at is null and (version < $2 or (version = $2 and generation = $3))
        returning outcome, requested_by
        """;

    private const string RecordSql = """
        insert into projection_switches
               (projection_name, from_projection, to_projection, reason, requested_by, switched_by, dropped_tables, switched_at)
        values ($1, $2, $3, $4, $5, $6, $7, $8)
        """;

    public static async Task WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, ProjectionGeneration to, GenerationRow from,
        IReadOnlyList<GenerationRow> replaced, string[] dropped, string instance, DateTimeOffset now, CancellationToken ct)
    {
        string? requestedBy = null;
        await using (var close = new NpgsqlCommand(CloseRebuildsSql, connection, transaction))
        {
            foreach (var value in (object[])[to.Name, to.Version, to.Generation, now]) close.Parameters.Add(new() { Value = value });
            await using var reader = await close.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                if (reader.GetString(0) == "switched") requestedBy = reader.GetString(1);
        }
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(BatchCommands.Of(ActivateSql, to.Name, to.Version, to.Generation, to.Id, now));
        batch.BatchCommands.Add(BatchCommands.Of(RetireSql, replaced.Select(g => g.Id).ToArray(), now));
        var reason = from.Version == to.Version ? "rebuild" : "deployed";
        batch.BatchCommands.Add(BatchCommands.Of(RecordSql,
            to.Name, from.Id, to.Id, reason, (object?)requestedBy ?? DBNull.Value, instance, dropped, now));
        await batch.ExecuteNonQueryAsync(ct);
    }
}

using Npgsql;
using Platform.Projections.Daemon;

namespace Platform.Projections.Generations;

/// <summary>
/// Rows of <c>projection_rebuilds</c>: an operator's request, from any process, and the active
/// instance of that version starting it as the next generation. The switch completes it.
/// </summary>
internal sealed class RebuildRequests(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, projection_name, version, requested_by, requested_at, generation, started_at, completed_at, outcome";

    private const string InsertSql = $"""
        insert into projection_rebuilds (projection_name, version, requested_by, requested_at) values ($1, $2, $3, $4)
        on conflict (projection_name) where completed_at is null do nothing
        returning {Columns}
        """;

    private const string OpenSql = $"select {Columns} from projection_rebuilds where projection_name = $1 and completed_at is null";

    // The next generation after every one this version ever had, so a rebuild never reuses old names.
    private const string StartSql = """
        update projection_rebuilds r
           set generation = (select coalesce(max(g.generation), 0) + 1 from projection_generations g
                              where g.projection_name = r.projection_name and g.version = r.version),
               started_at = $2
         where id = $1 and generation is null
        """;

    /// <summary>Requests a rebuild of the serving version, or returns the one already open: asking twice rebuilds once.</summary>
    public async Task<RebuildRequest> RequestAsync(
        RegisteredProjection projection, string requestedBy, DateTimeOffset now, CancellationToken ct)
    {
        // A reactor keeps no tables: rebuilding it would only send its commands again.
        if (projection.Tables.Length == 0) throw new RebuildRefusedException(projection.Id, "it declares no read tables to rebuild");
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await VersionLock.AcquireAsync(connection, transaction, projection.Name, ct);
        var lineup = await GenerationLineup.LoadAsync(connection, transaction, projection.Name, ct);
        if (lineup.Active is not { } active) throw new RebuildRefusedException(projection.Id, "it has never run");
        if (active.Version > projection.Version)
            throw new RebuildRefusedException(projection.Id, $"version {active.Version} has replaced it");
        if (active.Version < projection.Version)
            throw new RebuildRefusedException(projection.Id, "it is still being built from the first event");
        var request = await ReadAsync(connection, transaction, InsertSql, ct, projection.Name, projection.Version, requestedBy, now)
                      ?? await ReadAsync(connection, transaction, OpenSql, ct, projection.Name);
        await transaction.CommitAsync(ct);
        return request!;
    }

    public async Task<RebuildRequest?> GetAsync(long id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await ReadAsync(connection, null, $"select {Columns} from projection_rebuilds where id = $1", ct, id);
    }

    /// <summary>Gives the request its generation; whoever does it first wins, so a stale leader changes nothing.</summary>
    public async Task StartAsync(long id, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(StartSql);
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = now });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<RebuildRequest?> ReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken ct, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values) command.Parameters.Add(new() { Value = value });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new RebuildRequest(
            reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4),
            reader.IsDBNull(5) ? null : reader.GetInt32(5),
            reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
            reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
            reader.IsDBNull(8) ? null : reader.GetString(8));
    }
}

using Npgsql;
using Platform.Projections.Generations;
using Platform.Write.EventStore;

namespace Platform.Projections.Daemon;

/// <summary>
/// An operator's skip of the event a generation is stuck on. When a projection is being rebuilt, two
/// generations of its version can be stuck; the one with an open fault at the position is skipped.
/// </summary>
internal sealed class EventSkipper(NpgsqlDataSource dataSource, TimeProvider time)
{
    // The generation whose fault at the position is open, else the latest to fail there.
    private const string TargetSql = """
        select projection from projection_faults where projection = any($1) and position = $2
         order by (resolved_at is null and skipped_at is null) desc, last_failed_at desc limit 1
        """;

    private const string LockSql = """
        select c.transaction_id, c.position, f.transaction_id, f.event_id, f.event_type, f.skipped_at
          from projection_checkpoints c
          left join projection_faults f on f.projection = c.projection and f.position = $2
         where c.projection = $1
           for update of c
        """;

    // Events of the projection's types between its checkpoint and the skipped one. The skipped event
    // passed the fence, so every transaction older than it has ended: the answer cannot change later.
    private const string PendingSql = """
        select exists (select 1 from events
                        where type = any($1) and (transaction_id, position) > ($2, $3) and (transaction_id, position) < ($4, $5))
        """;

    private const string MoveCheckpointSql = """
        update projection_checkpoints
           set transaction_id = $2, position = $3, events_skipped = events_skipped + 1, status = 'running', updated_at = $4
         where projection = $1
        """;

    private const string MarkSkippedSql = """
        update projection_faults set skipped_at = $3, skipped_by = $4, skip_reason = $5
         where projection = $1 and position = $2
        """;

    public async Task<SkippedEvent> SkipAsync(
        RegisteredProjection registered, long position, string skippedBy, string reason, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var id = await TargetAsync(connection, transaction, registered, position, ct);

        Checkpoint checkpoint, target;
        Guid eventId;
        string eventType;
        await using (var command = new NpgsqlCommand(LockSql, connection, transaction))
        {
            command.Parameters.Add(new() { Value = id });
            command.Parameters.Add(new() { Value = position });
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct)) throw new SkipRefusedException(id, position, "the projection has never run");
            if (reader.IsDBNull(2)) throw new SkipRefusedException(id, position, "no fault is recorded for that event");
            if (!reader.IsDBNull(5)) throw new SkipRefusedException(id, position, "it was already skipped");
            checkpoint = new Checkpoint(reader.GetFieldValue<ulong>(0), reader.GetInt64(1));
            target = new Checkpoint(reader.GetFieldValue<ulong>(2), position);
            eventId = reader.GetGuid(3);
            eventType = reader.GetString(4);
        }
        if (target <= checkpoint) throw new SkipRefusedException(id, position, "the projection is already past it");

        await using (var pending = new NpgsqlCommand(PendingSql, connection, transaction))
        {
            pending.Parameters.Add(new() { Value = registered.EventTypes });
            pending.Parameters.Add(CheckpointStore.TransactionId(checkpoint.TransactionId));
            pending.Parameters.Add(new() { Value = checkpoint.Position });
            pending.Parameters.Add(CheckpointStore.TransactionId(target.TransactionId));
            pending.Parameters.Add(new() { Value = target.Position });
            if ((bool)(await pending.ExecuteScalarAsync(ct))!)
                throw new SkipRefusedException(id, position, "events before it have not been applied yet");
        }

        var now = time.GetUtcNow();
        await using (var skip = new NpgsqlBatch(connection, transaction))
        {
            var move = new NpgsqlBatchCommand(MoveCheckpointSql);
            move.Parameters.Add(new() { Value = id });
            move.Parameters.Add(CheckpointStore.TransactionId(target.TransactionId));
            move.Parameters.Add(new() { Value = position });
            move.Parameters.Add(new() { Value = now });
            var mark = new NpgsqlBatchCommand(MarkSkippedSql);
            mark.Parameters.Add(new() { Value = id });
            mark.Parameters.Add(new() { Value = position });
            mark.Parameters.Add(new() { Value = now });
            mark.Parameters.Add(new() { Value = skippedBy });
            mark.Parameters.Add(new() { Value = reason });
            skip.BatchCommands.Add(move);
            skip.BatchCommands.Add(mark);
            await skip.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return new SkippedEvent(id, position, target.TransactionId, eventId, eventType, skippedBy, reason, now);
    }

    private static async Task<string> TargetAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, RegisteredProjection registered, long position, CancellationToken ct)
    {
        var lineup = await GenerationLineup.LoadAsync(connection, transaction, registered.Name, ct);
        var own = lineup.Live.Where(g => g.Version == registered.Version).Select(g => g.Id).Append(registered.Id).Distinct().ToArray();
        await using var command = new NpgsqlCommand(TargetSql, connection, transaction);
        command.Parameters.Add(new() { Value = own });
        command.Parameters.Add(new() { Value = position });
        return await command.ExecuteScalarAsync(ct) as string
               ?? new ProjectionGeneration(registered, lineup.Serving(registered) ?? 1).Id;
    }
}

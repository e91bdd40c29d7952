using Npgsql;
using Platform.Write.EventStore;

namespace Platform.Projections.Daemon;

/// <summary>An event an operator let a projection pass without applying it.</summary>
public sealed record SkippedEvent(
    string Projection, long Position, ulong TransactionId, Guid EventId, string EventType,
    string SkippedBy, string Reason, DateTimeOffset SkippedAt);

/// <summary>What operators do to projections by hand.</summary>
public sealed class ProjectionOperations(
    NpgsqlDataSource dataSource, ProjectionCatalog catalog, ProjectionRunnerRegistry registry, TimeProvider time)
{
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

    /// <summary>
    /// Lets a projection pass the event it is stuck on: moves its checkpoint past exactly that
    /// event, recording who skipped it and why. Refused unless the event is recorded as a fault and
    /// is the very next event the projection has to apply.
    /// </summary>
    public async Task<SkippedEvent> SkipAsync(
        string projection, long position, string skippedBy, string reason, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(skippedBy);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var registered = catalog.Get(projection);
        var id = registered.Id;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

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
        registry.Wake(id);
        return new SkippedEvent(id, position, target.TransactionId, eventId, eventType, skippedBy, reason, now);
    }
}

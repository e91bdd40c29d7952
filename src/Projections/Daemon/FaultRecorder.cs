using Npgsql;
using Platform.Projections.Generations;
using Platform.Write.EventStore;

namespace Platform.Projections.Daemon;

/// <summary>Writes the event a projection fails on to <c>projection_faults</c> and marks the projection faulted.</summary>
internal sealed class FaultRecorder(NpgsqlDataSource dataSource, TimeProvider time)
{
    private const int MaxErrorLength = 4_000;

    private const string RecordSql = """
        insert into projection_faults as f
               (projection, position, transaction_id, event_id, tenant_id, stream_id, event_type, error, first_failed_at, last_failed_at)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
        on conflict (projection, position) do update
           set error = excluded.error, attempts = f.attempts + 1, last_failed_at = excluded.last_failed_at, resolved_at = null
        returning f.attempts
        """;

    // Conditional like the apply: an instance that lost the checkpoint must not mark the projection faulted.
    private const string MarkFaultedSql = """
        update projection_checkpoints set status = 'faulted', updated_at = $4
         where projection = $1 and transaction_id = $2 and position = $3
        """;

    /// <summary>The fault's attempt count, or null when the checkpoint moved and nothing was recorded.</summary>
    public async Task<int?> RecordAsync(
        ProjectionGeneration generation, Checkpoint checkpoint, RecordedEvent failed, Exception error, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch(connection, transaction);
        var mark = new NpgsqlBatchCommand(MarkFaultedSql);
        mark.Parameters.Add(new() { Value = generation.Id });
        mark.Parameters.Add(CheckpointStore.TransactionId(checkpoint.TransactionId));
        mark.Parameters.Add(new() { Value = checkpoint.Position });
        mark.Parameters.Add(new() { Value = now });
        var record = new NpgsqlBatchCommand(RecordSql);
        record.Parameters.Add(new() { Value = generation.Id });
        record.Parameters.Add(new() { Value = failed.Position });
        record.Parameters.Add(CheckpointStore.TransactionId(failed.TransactionId));
        record.Parameters.Add(new() { Value = failed.EventId });
        record.Parameters.Add(new() { Value = failed.TenantId });
        record.Parameters.Add(new() { Value = failed.StreamId });
        record.Parameters.Add(new() { Value = failed.Type });
        record.Parameters.Add(new() { Value = Describe(error) });
        record.Parameters.Add(new() { Value = now });
        // The checkpoint row first, as the apply and an operator's skip lock it: taking the fault row
        // first deadlocked with a skip of the same event.
        batch.BatchCommands.Add(mark);
        batch.BatchCommands.Add(record);
        int attempts;
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            attempts = reader.GetInt32(0);
        }
        if (mark.RecordsAffected == 0)
        {
            await transaction.RollbackAsync(ct);
            return null;
        }
        await transaction.CommitAsync(ct);
        return attempts;
    }

    /// <summary>Type and message, with the innermost cause and the top of the stack: enough to find it, not a dump.</summary>
    public static string Describe(Exception error)
    {
        var text = $"{error.GetType().FullName}: {error.Message}";
        var cause = error.GetBaseException();
        if (!ReferenceEquals(cause, error)) text += $"\n ---> {cause.GetType().FullName}: {cause.Message}";
        var stack = (error.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(3);
        text = string.Join("\n   ", [text, .. stack]);
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
    }
}

using System.Globalization;
using Npgsql;
using Platform.Projections.Generations;
using Platform.Write.EventStore;

namespace Platform.Projections.Daemon;

internal enum ApplyStatus
{
    Applied,

    /// <summary>The checkpoint moved under us: another instance or an operator's skip. Read it again.</summary>
    CheckpointMoved,

    /// <summary>The projection threw; nothing was written.</summary>
    Failed,
}

internal sealed record ApplyResult(ApplyStatus Status, Exception? Error = null);

/// <summary>
/// One page in one transaction: claim the checkpoint, apply, commit. The transaction is opened only
/// after the page was read, because a transaction that has written holds back the reader's fence.
/// </summary>
internal sealed class BatchApplier(NpgsqlDataSource dataSource, ProjectionOptions options, TimeProvider time)
{
    // Conditional on the checkpoint this runner read, besides the advisory lock: a stale leader, a
    // concurrent skip, or a switch that replaced the generation (deleting its row) makes it match no
    // row. It runs first, so a competing writer waits on the row lock before writing any read table.
    private const string ClaimSql = """
        update projection_checkpoints
           set transaction_id = $4, position = $5, events_applied = events_applied + $6, status = 'running', updated_at = $7
         where projection = $1 and transaction_id = $2 and position = $3
        """;

    private const string ResolveFaultsSql = """
        update projection_faults set resolved_at = $3
         where projection = $1 and resolved_at is null and skipped_at is null and position = any($2)
        """;

    public async Task<ApplyResult> ApplyAsync(
        ProjectionGeneration generation, Checkpoint expected, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        var last = events[^1].Checkpoint;
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var claim = new NpgsqlBatch(connection, transaction))
        {
            var timeout = new NpgsqlBatchCommand("select set_config('idle_in_transaction_session_timeout', $1, true)");
            timeout.Parameters.Add(new() { Value = ((long)options.IdleTransactionTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) });
            var update = new NpgsqlBatchCommand(ClaimSql);
            update.Parameters.Add(new() { Value = generation.Id });
            update.Parameters.Add(CheckpointStore.TransactionId(expected.TransactionId));
            update.Parameters.Add(new() { Value = expected.Position });
            update.Parameters.Add(CheckpointStore.TransactionId(last.TransactionId));
            update.Parameters.Add(new() { Value = last.Position });
            update.Parameters.Add(new() { Value = (long)events.Count });
            update.Parameters.Add(new() { Value = now });
            var resolve = new NpgsqlBatchCommand(ResolveFaultsSql);
            resolve.Parameters.Add(new() { Value = generation.Id });
            resolve.Parameters.Add(new() { Value = events.Select(e => e.Position).ToArray() });
            resolve.Parameters.Add(new() { Value = now });
            claim.BatchCommands.Add(timeout);
            claim.BatchCommands.Add(update);
            claim.BatchCommands.Add(resolve);
            await claim.ExecuteNonQueryAsync(ct);
            if (update.RecordsAffected == 0)
            {
                await transaction.RollbackAsync(ct);
                return new ApplyResult(ApplyStatus.CheckpointMoved);
            }
        }

        try
        {
            await generation.Projection.Projection.ApplyAsync(new ProjectionContext(generation, connection, transaction), events, ct);
        }
        catch (Exception error) when (!ct.IsCancellationRequested && connection.State == System.Data.ConnectionState.Open)
        {
            await transaction.RollbackAsync(ct);
            return new ApplyResult(ApplyStatus.Failed, error);
        }
        await transaction.CommitAsync(ct);
        return new ApplyResult(ApplyStatus.Applied);
    }
}

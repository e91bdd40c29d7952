using Npgsql;
using Platform.Projections.Daemon;
using Platform.Write.EventStore;

namespace Platform.Projections.Generations;

internal enum SwitchOutcome
{
    Switched,

    /// <summary>The serving generation has applied events this one has not read yet; catch up and try again.</summary>
    Behind,

    /// <summary>The generation's checkpoint is not where its worker thinks: another instance or an operator moved it.</summary>
    CheckpointMoved,

    /// <summary>A newer generation serves already; this one must stop.</summary>
    Replaced,
}

internal sealed record SwitchResult(SwitchOutcome Outcome, string? From = null);

/// <summary>
/// Makes a generation that has caught up serve reads, in one transaction: the views point at its
/// tables, the generations it replaces lose their tables and checkpoints, and the switch is recorded.
/// </summary>
internal sealed class GenerationSwitch(NpgsqlDataSource dataSource, TimeProvider time)
{
    private const string LockCheckpointSql = "select transaction_id, position from projection_checkpoints where projection = $1 for update";

    private const string DropCheckpointsSql = """
        delete from projection_checkpoints where projection = any($1) returning projection, transaction_id, position
        """;

    // The replaced checkpoint passed the fence, so every event up to it is committed and visible here.
    private const string BehindSql = """
        select exists (select 1 from events
                        where type = any($1) and (transaction_id, position) > ($2, $3) and (transaction_id, position) <= ($4, $5))
        """;

    public async Task<SwitchResult> SwitchAsync(ProjectionGeneration to, Checkpoint expected, string instance, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await VersionLock.AcquireAsync(connection, transaction, to.Name, ct);
        var lineup = await GenerationLineup.LoadAsync(connection, transaction, to.Name, ct);
        var row = to.Row;
        if (lineup.Active is not { } active || lineup.Replaces(row)) return new(SwitchOutcome.Replaced);
        if (active.Id == to.Id) return new(SwitchOutcome.Switched);

        // Conditional like an apply: a stale leader of this generation finds its checkpoint moved.
        await using (var own = new NpgsqlCommand(LockCheckpointSql, connection, transaction))
        {
            own.Parameters.Add(new() { Value = to.Id });
            var current = await CheckpointStore.ReadCheckpointAsync(own, ct);
            if (current is null) return new(SwitchOutcome.Replaced);
            if (current != expected) return new(SwitchOutcome.CheckpointMoved);
        }

        // Deleting the replaced checkpoints waits for an apply of theirs in flight (it holds the row) and
        // leaves any later one no row to claim, so their workers, here or in another process, stop.
        var replaced = lineup.Live.Where(g => g.Id != to.Id && !g.IsNewerThan(row)).ToList();
        var served = await DropCheckpointsAsync(connection, transaction, replaced, ct);
        // Readers must not see the data go back in time: the new generation has to hold every event the
        // serving one had applied when its checkpoint was locked.
        if (served.TryGetValue(active.Id, out var servedAt) && servedAt > expected
            && await IsBehindAsync(connection, transaction, row, expected, servedAt, ct))
        {
            await transaction.RollbackAsync(ct);
            return new(SwitchOutcome.Behind);
        }

        await ViewSwitcher.PointAsync(connection, transaction, row, active.Tables, ct);
        var dropped = replaced.SelectMany(g => g.PhysicalTables).Distinct(StringComparer.Ordinal).ToArray();
        if (dropped.Length > 0)
        {
            // No cascade: an object someone built on a generation's own table fails the switch instead of vanishing.
            await using var drop = new NpgsqlCommand($"drop table if exists {string.Join(", ", dropped)}", connection, transaction);
            await drop.ExecuteNonQueryAsync(ct);
        }
        await SwitchRecord.WriteAsync(connection, transaction, to, active, replaced, dropped, instance, time.GetUtcNow(), ct);
        await transaction.CommitAsync(ct);
        return new(SwitchOutcome.Switched, active.Id);
    }

    private static async Task<Dictionary<string, Checkpoint>> DropCheckpointsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<GenerationRow> replaced, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(DropCheckpointsSql, connection, transaction);
        command.Parameters.Add(new() { Value = replaced.Select(g => g.Id).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var served = new Dictionary<string, Checkpoint>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
            served[reader.GetString(0)] = new Checkpoint(reader.GetFieldValue<ulong>(1), reader.GetInt64(2));
        return served;
    }

    private static async Task<bool> IsBehindAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, GenerationRow to, Checkpoint at, Checkpoint served,
        CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(BehindSql, connection, transaction);
        command.Parameters.Add(new() { Value = to.EventTypes });
        command.Parameters.Add(CheckpointStore.TransactionId(at.TransactionId));
        command.Parameters.Add(new() { Value = at.Position });
        command.Parameters.Add(CheckpointStore.TransactionId(served.TransactionId));
        command.Parameters.Add(new() { Value = served.Position });
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }
}

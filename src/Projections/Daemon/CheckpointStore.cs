using Npgsql;
using NpgsqlTypes;
using Platform.Write.EventStore;

namespace Platform.Projections.Daemon;

/// <summary>Reads and creates rows of <c>projection_checkpoints</c>, one per generation; applying moves them (<see cref="BatchApplier"/>).</summary>
internal sealed class CheckpointStore(NpgsqlDataSource dataSource)
{
    private const string EnsureSql = """
        insert into projection_checkpoints as c (projection, owner, updated_at) values ($1, $2, $3)
        on conflict (projection) do update set owner = excluded.owner
        returning c.transaction_id, c.position
        """;

    /// <summary>Creates the checkpoint row if missing, in the caller's transaction, and returns where it is.</summary>
    public static async Task<Checkpoint> EnsureAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string projectionId, string instance, DateTimeOffset now,
        CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(EnsureSql, connection, transaction);
        command.Parameters.Add(new() { Value = projectionId });
        command.Parameters.Add(new() { Value = instance });
        command.Parameters.Add(new() { Value = now });
        return await ReadCheckpointAsync(command, ct) ?? Checkpoint.Start;
    }

    /// <summary>Null when the row is gone: its generation was replaced by a switch, and must stop.</summary>
    public async Task<Checkpoint?> LoadAsync(string projectionId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "select transaction_id, position from projection_checkpoints where projection = $1");
        command.Parameters.Add(new() { Value = projectionId });
        return await ReadCheckpointAsync(command, ct);
    }

    public static async Task<Checkpoint?> ReadCheckpointAsync(NpgsqlCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new Checkpoint(reader.GetFieldValue<ulong>(0), reader.GetInt64(1)) : null;
    }

    /// <summary>A parameter for the checkpoint's transaction id, whose SQL type (xid8) Npgsql cannot infer from ulong.</summary>
    public static NpgsqlParameter TransactionId(ulong value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Xid8 };
}

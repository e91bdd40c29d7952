using Npgsql;
using NpgsqlTypes;
using Platform.Write.EventStore;

namespace Platform.Projections.Daemon;

/// <summary>Reads and creates rows of <c>projection_checkpoints</c>; applying moves them (<see cref="BatchApplier"/>).</summary>
internal sealed class CheckpointStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Runs the projection's <see cref="IProjection.InitializeAsync"/> and makes sure its checkpoint
    /// row exists, in one transaction, and returns where it is. Only the leader runs this, so its
    /// DDL never races another instance's.
    /// </summary>
    public async Task<Checkpoint> InitializeAsync(
        RegisteredProjection projection, string instance, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await projection.Projection.InitializeAsync(new ProjectionContext(projection.Projection, connection, transaction), ct);
        await using var command = new NpgsqlCommand("""
            insert into projection_checkpoints as c (projection, owner, updated_at) values ($1, $2, $3)
            on conflict (projection) do update set owner = excluded.owner
            returning c.transaction_id, c.position
            """, connection, transaction);
        command.Parameters.Add(new() { Value = projection.Id });
        command.Parameters.Add(new() { Value = instance });
        command.Parameters.Add(new() { Value = now });
        var checkpoint = await ReadCheckpointAsync(command, ct);
        await transaction.CommitAsync(ct);
        return checkpoint ?? Checkpoint.Start;
    }

    public async Task<Checkpoint> LoadAsync(string projectionId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "select transaction_id, position from projection_checkpoints where projection = $1");
        command.Parameters.Add(new() { Value = projectionId });
        return await ReadCheckpointAsync(command, ct) ?? Checkpoint.Start;
    }

    private static async Task<Checkpoint?> ReadCheckpointAsync(NpgsqlCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new Checkpoint(reader.GetFieldValue<ulong>(0), reader.GetInt64(1)) : null;
    }

    /// <summary>A parameter for the checkpoint's transaction id, whose SQL type (xid8) Npgsql cannot infer from ulong.</summary>
    public static NpgsqlParameter TransactionId(ulong value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Xid8 };
}

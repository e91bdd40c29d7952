using Npgsql;
using NpgsqlTypes;
using Platform.Write.EventStore;

namespace Platform.Projections.Tests.Support;

/// <summary>
/// An append through the store's own SQL function inside a transaction the test keeps open, to
/// commit later: the late-committing writer that the daemon must never pass.
/// </summary>
public sealed class OpenAppend : IAsyncDisposable
{
    private static readonly string[] Types = [TestEvents.Incremented];
    private static readonly string[] NoMetadata = ["{}"];

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private OpenAppend(NpgsqlConnection connection, NpgsqlTransaction transaction, long position)
    {
        _connection = connection;
        _transaction = transaction;
        Position = position;
    }

    public long Position { get; }

    public static async Task<OpenAppend> BeginAsync(NpgsqlDataSource dataSource, Guid tenant, string stream, int by = 1)
    {
        var connection = await dataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(
            "select last_position from append_events($1, $2, -2, false, $3, $4, $5, $6)", connection, transaction);
        command.Parameters.Add(new() { Value = tenant });
        command.Parameters.Add(new() { Value = stream });
        command.Parameters.Add(new() { Value = new[] { Guid.CreateVersion7() } });
        command.Parameters.Add(new() { Value = Types });
        command.Parameters.Add(new() { Value = new[] { EventSerializer.Serialize(new CounterIncremented(by)) }, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = NoMetadata, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        var position = (long)(await command.ExecuteScalarAsync())!;
        return new OpenAppend(connection, transaction, position);
    }

    public Task CommitAsync() => _transaction.CommitAsync();

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}

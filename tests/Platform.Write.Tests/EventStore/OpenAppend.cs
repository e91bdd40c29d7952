using Npgsql;
using Platform.Write.EventStore;

namespace Platform.Write.Tests.EventStore;

/// <summary>
/// An append through the store's own SQL function inside a transaction the test keeps open, to
/// commit later: the late-committing writer that a reader must never skip.
/// </summary>
public sealed class OpenAppend : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private OpenAppend(NpgsqlConnection connection, NpgsqlTransaction transaction, long position)
    {
        _connection = connection;
        _transaction = transaction;
        Position = position;
    }

    public long Position { get; }

    public static async Task<OpenAppend> BeginAsync(NpgsqlDataSource dataSource, Guid tenant, string stream, int count = 1)
    {
        var connection = await dataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(
            "select last_position from append_events($1, $2, -2, false, $3, $4, $5, $6)", connection, transaction);
        var events = TestEvents.Increments(count);
        command.Parameters.Add(new() { Value = tenant });
        command.Parameters.Add(new() { Value = stream });
        command.Parameters.Add(new() { Value = events.Select(e => e.EventId).ToArray() });
        command.Parameters.Add(new() { Value = events.Select(_ => "test.counter-incremented.v1").ToArray() });
        command.Parameters.Add(new() { Value = events.Select(e => EventSerializer.Serialize(e.Data)).ToArray(), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = events.Select(_ => "{}").ToArray(), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Jsonb });
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

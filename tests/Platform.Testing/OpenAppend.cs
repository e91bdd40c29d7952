using Npgsql;
using NpgsqlTypes;
using Platform.Write.EventStore;

namespace Platform.Testing;

/// <summary>
/// An append through the store's own SQL function inside a transaction the test keeps open, to
/// commit later: the late-committing writer that no reader may pass.
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

    /// <summary>Global position of the last event appended.</summary>
    public long Position { get; }

    /// <summary>Appends <paramref name="events"/> (stored under <paramref name="type"/>) to the stream, uncommitted.</summary>
    public static async Task<OpenAppend> BeginAsync(
        NpgsqlDataSource dataSource, Guid tenant, string stream, string type, IReadOnlyList<object> events)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(events);
        var connection = await dataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(
            "select last_position from append_events($1, $2, -2, false, $3, $4, $5, $6)", connection, transaction);
        command.Parameters.Add(new() { Value = tenant });
        command.Parameters.Add(new() { Value = stream });
        command.Parameters.Add(new() { Value = events.Select(_ => Guid.CreateVersion7()).ToArray() });
        command.Parameters.Add(new() { Value = events.Select(_ => type).ToArray() });
        command.Parameters.Add(new() { Value = events.Select(EventSerializer.Serialize).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = events.Select(_ => "{}").ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
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

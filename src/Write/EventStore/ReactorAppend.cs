using Npgsql;
using NpgsqlTypes;

namespace Platform.Write.EventStore;

/// <summary>
/// Reads and appends streams inside a transaction that has already written: a reactor's, whose
/// checkpoint claim is its first write, so <c>lock_event_streams</c> (first write only) refuses it.
/// Each stream is locked before it is read, so the fold decided on stays the stream's head until
/// commit. The cost of writing first: a writer of the same stream that committed between this
/// transaction's start and its lock is read after it in fence order (only the same stream's
/// concurrent writers can see that; reactors' streams rarely have any).
/// </summary>
public sealed class ReactorAppend(EventSerializer serializer, EventNotifier notifier, EventStoreOptions options)
{
    private readonly AppendValidator _validator = new(serializer, options);

    /// <summary>Locks the stream until commit and answers its events (deserialized) and version.</summary>
    public async Task<(List<object> Events, long Version)> LockAndReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid tenantId, string streamId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _validator.ValidateStreamId(streamId);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Command("select pg_advisory_xact_lock(event_stream_lock_key($1, $2))", tenantId, streamId));
        batch.BatchCommands.Add(Command(
            "select version, type, data::text from events where tenant_id = $1 and stream_id = $2 order by version", tenantId, streamId));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        var events = new List<object>();
        long version = 0;
        while (await reader.ReadAsync(ct))
        {
            version = reader.GetInt64(0);
            if (serializer.Deserialize(reader.GetString(1), reader.GetString(2)) is { } data) events.Add(data);
        }
        return (events, version);
    }

    /// <summary>Appends at exactly <paramref name="expectedVersion"/>; the stream should be locked by <see cref="LockAndReadAsync"/>.</summary>
    public async Task<AppendResult> AppendAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid tenantId, string streamId, long expectedVersion,
        IReadOnlyList<NewEvent> events, CancellationToken ct)
    {
        var expected = ExpectedVersion.Exact(expectedVersion);
        var stream = _validator.Prepare(new StreamAppend(tenantId, streamId, expected, events));
        await using var command = new NpgsqlCommand(AppendCommands.FastAppendSql, connection, transaction);
        AppendCommands.AddAppendParameters(command.Parameters, stream, locked: false);
        long version = 0, position = 0;
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                version = Math.Max(version, reader.GetInt64(0));
                position = Math.Max(position, reader.GetInt64(1));
            }
        }
        catch (PostgresException error)
        {
            throw AppendErrors.Map(error, stream);
        }
        if (version == 0) throw new WrongExpectedVersionException(tenantId, streamId, expected, -1);
        // Before commit: a woken reader finds the fence held back by this transaction and reads again soon.
        notifier.Appended();
        return new AppendResult(version, position, AlreadyApplied: false);
    }

    private static NpgsqlBatchCommand Command(string sql, Guid tenantId, string streamId)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = streamId, NpgsqlDbType = NpgsqlDbType.Text });
        return command;
    }
}

using Npgsql;
using NpgsqlTypes;

namespace Platform.Write.EventStore;

/// <summary>Appends events to (tenant, stream) pairs with optimistic concurrency and idempotency.</summary>
public sealed class EventStore(
    NpgsqlDataSource dataSource, EventSerializer serializer, EventNotifier notifier, EventStoreOptions options)
{
    private const string AppendSql = "select * from append_events($1, $2, $3, $4, $5, $6, $7, $8)";

    // The common case in one statement without a function call: lock the stream, insert when the
    // expectation holds. No row, or a unique violation (a retry, a race), falls back to append_events,
    // which tells an idempotent retry from a conflict. The lock is taken before the insert hands out
    // the transaction id, which keeps fence order equal to version order (see lock_event_streams).
    private const string FastAppendSql = """
        with stream_lock as materialized (select pg_advisory_xact_lock(event_stream_lock_key($1, $2))),
             head as (select coalesce(max(version), 0) as v from events where tenant_id = $1 and stream_id = $2)
        insert into events (tenant_id, stream_id, version, event_id, type, data, metadata)
        select $1, $2, head.v + u.o, u.id, u.t, u.d, u.m
          from stream_lock, head, unnest($5::uuid[], $6::text[], $7::jsonb[], $8::jsonb[]) with ordinality as u(id, t, d, m, o)
         where $3 = -2 or ($3 = -3 and head.v > 0) or head.v = $3
        returning version, position
        """;
    private readonly AppendValidator _validator = new(serializer, options);

    public Task<AppendResult> AppendAsync(
        Guid tenantId, string streamId, ExpectedVersion expected, NewEvent @event, CancellationToken ct = default) =>
        AppendAsync(tenantId, streamId, expected, [@event], ct);

    public async Task<AppendResult> AppendAsync(
        Guid tenantId, string streamId, ExpectedVersion expected, IReadOnlyList<NewEvent> events,
        CancellationToken ct = default)
    {
        var stream = _validator.Prepare(new StreamAppend(tenantId, streamId, expected, events));
        var result = await TryFastAppendAsync(stream, ct) ?? await AppendThroughFunctionAsync(stream, ct);
        if (!result.AlreadyApplied) notifier.Appended();
        return result;
    }

    // One event, the most common append, with scalar parameters: no arrays to encode and unnest.
    private const string FastAppendOneSql = """
        with stream_lock as materialized (select pg_advisory_xact_lock(event_stream_lock_key($1, $2))),
             head as (select coalesce(max(version), 0) as v from events where tenant_id = $1 and stream_id = $2)
        insert into events (tenant_id, stream_id, version, event_id, type, data, metadata)
        select $1, $2, head.v + 1, $4, $5, $6, $7
          from stream_lock, head
         where $3 = -2 or ($3 = -3 and head.v > 0) or head.v = $3
        returning version, position
        """;

    private async Task<AppendResult?> TryFastAppendAsync(PreparedStream stream, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(stream.Ids.Length == 1 ? FastAppendOneSql : FastAppendSql);
        if (stream.Ids.Length == 1) AddSingleEventParameters(command.Parameters, stream);
        else AddAppendParameters(command.Parameters, stream, locked: false);
        try
        {
            long version = 0, position = 0;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                version = Math.Max(version, reader.GetInt64(0));
                position = Math.Max(position, reader.GetInt64(1));
            }
            return version == 0 ? null : new AppendResult(version, position, AlreadyApplied: false);
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return null;
        }
        catch (PostgresException error)
        {
            throw AppendErrors.Map(error, stream);
        }
    }

    private async Task<AppendResult> AppendThroughFunctionAsync(PreparedStream stream, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(AppendSql);
        AddAppendParameters(command.Parameters, stream, locked: false);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await ReadResultAsync(reader, ct);
        }
        catch (PostgresException error)
        {
            throw AppendErrors.Map(error, stream);
        }
    }

    /// <summary>Appends to many streams in one transaction: all of them are stored, or none.</summary>
    public async Task<IReadOnlyList<AppendResult>> AppendBatchAsync(
        IReadOnlyList<StreamAppend> appends, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(appends);
        if (appends.Count == 0) throw new InvalidAppendException("appends", "at least one stream is required");
        var streams = appends.Select((a, i) => _validator.Prepare(a ?? throw new InvalidAppendException($"appends[{i}]", "is required"), $"appends[{i}].")).ToArray();

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // No explicit transaction: Npgsql runs a batch as one implicit transaction, in one round trip.
        await using var batch = new NpgsqlBatch(connection);
        var lockStreams = new NpgsqlBatchCommand("select lock_event_streams($1, $2)");
        lockStreams.Parameters.Add(new NpgsqlParameter { Value = streams.Select(s => s.TenantId).ToArray() });
        lockStreams.Parameters.Add(new NpgsqlParameter { Value = streams.Select(s => s.StreamId).ToArray() });
        batch.BatchCommands.Add(lockStreams);
        foreach (var stream in streams)
        {
            var command = new NpgsqlBatchCommand(AppendSql);
            AddAppendParameters(command.Parameters, stream, locked: true);
            batch.BatchCommands.Add(command);
        }

        // Results are read in stream order, so a failure belongs to the stream after the last result.
        var results = new List<AppendResult>(streams.Length);
        try
        {
            await using var reader = await batch.ExecuteReaderAsync(ct);
            await reader.NextResultAsync(ct);
            foreach (var _ in streams)
            {
                results.Add(await ReadResultAsync(reader, ct));
                await reader.NextResultAsync(ct);
            }
            if (results.Any(r => !r.AlreadyApplied)) notifier.Appended();
            return results;
        }
        catch (PostgresException error)
        {
            throw AppendErrors.Map(error, streams[Math.Min(results.Count, streams.Length - 1)]);
        }
    }

    private static async Task<AppendResult> ReadResultAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        if (!await reader.ReadAsync(ct)) throw new InvalidOperationException("append_events returned no row.");
        return new AppendResult(reader.GetInt64(0), reader.GetInt64(1), reader.GetBoolean(2));
    }

    private static void AddSingleEventParameters(NpgsqlParameterCollection parameters, PreparedStream stream)
    {
        parameters.Add(new NpgsqlParameter { Value = stream.TenantId, NpgsqlDbType = NpgsqlDbType.Uuid });
        parameters.Add(new NpgsqlParameter { Value = stream.StreamId, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = stream.Expected.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        parameters.Add(new NpgsqlParameter { Value = stream.Ids[0], NpgsqlDbType = NpgsqlDbType.Uuid });
        parameters.Add(new NpgsqlParameter { Value = stream.Types[0], NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = stream.Data[0], NpgsqlDbType = NpgsqlDbType.Jsonb });
        parameters.Add(new NpgsqlParameter { Value = stream.Metadata[0], NpgsqlDbType = NpgsqlDbType.Jsonb });
    }

    private static void AddAppendParameters(NpgsqlParameterCollection parameters, PreparedStream stream, bool locked)
    {
        parameters.Add(new NpgsqlParameter { Value = stream.TenantId, NpgsqlDbType = NpgsqlDbType.Uuid });
        parameters.Add(new NpgsqlParameter { Value = stream.StreamId, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = stream.Expected.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        parameters.Add(new NpgsqlParameter { Value = locked, NpgsqlDbType = NpgsqlDbType.Boolean });
        parameters.Add(new NpgsqlParameter { Value = stream.Ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        parameters.Add(new NpgsqlParameter { Value = stream.Types, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = stream.Data, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        parameters.Add(new NpgsqlParameter { Value = stream.Metadata, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
    }
}

using Npgsql;

namespace Platform.Write.EventStore;

/// <summary>Appends events to (tenant, stream) pairs with optimistic concurrency and idempotency.</summary>
public sealed class EventStore(
    NpgsqlDataSource dataSource, EventSerializer serializer, EventNotifier notifier, EventStoreOptions options)
{
    private readonly AppendValidator _validator = new(serializer, options);

    public Task<AppendResult> AppendAsync(
        Guid tenantId, string streamId, ExpectedVersion expected, NewEvent @event, CancellationToken ct = default) =>
        AppendAsync(tenantId, streamId, expected, [@event], ct);

    public async Task<AppendResult> AppendAsync(
        Guid tenantId, string streamId, ExpectedVersion expected, IReadOnlyList<NewEvent> events,
        CancellationToken ct = default)
    {
        var stream = _validator.Prepare(new StreamAppend(tenantId, streamId, expected, events));
        // Known subjects seal from the cache and take the one-statement path; a new one makes its key in a transaction.
        if (stream.HasPersonalData && !PersonalAppend.TrySealCached(serializer, [stream])) return (await AppendSealedAsync([stream], ct))[0];
        var result = await TryFastAppendAsync(stream, ct) ?? await AppendThroughFunctionAsync(stream, ct);
        if (!result.AlreadyApplied) notifier.Appended();
        return result;
    }

    private async Task<AppendResult?> TryFastAppendAsync(PreparedStream stream, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(stream.Ids.Length == 1 ? AppendCommands.FastAppendOneSql : AppendCommands.FastAppendSql);
        if (stream.Ids.Length == 1) AppendCommands.AddSingleEventParameters(command.Parameters, stream);
        else AppendCommands.AddAppendParameters(command.Parameters, stream, locked: false);
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
        await using var command = dataSource.CreateCommand(AppendCommands.AppendSql);
        AppendCommands.AddAppendParameters(command.Parameters, stream, locked: false);
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

        if (streams.Any(s => s.HasPersonalData) && !PersonalAppend.TrySealCached(serializer, streams)) return await AppendSealedAsync(streams, ct);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // No explicit transaction: Npgsql runs a batch as one implicit transaction, in one round trip.
        await using var batch = new NpgsqlBatch(connection);
        var results = await LockedBatchAppend.ExecuteAsync(batch, streams, ct);
        if (results.Any(r => !r.AlreadyApplied)) notifier.Appended();
        return results;
    }

    // Personal data needs its subjects' keys made in the append's transaction: an explicit one.
    private async Task<IReadOnlyList<AppendResult>> AppendSealedAsync(PreparedStream[] streams, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var (sealedKeys, locked) = await PersonalAppend.SealAsync(serializer, connection, transaction, streams, ct);
        await using var batch = new NpgsqlBatch(connection, transaction);
        var results = await LockedBatchAppend.ExecuteAsync(batch, streams, ct, locked);
        await transaction.CommitAsync(ct);
        sealedKeys?.Invoke();
        if (results.Any(r => !r.AlreadyApplied)) notifier.Appended();
        return results;
    }

    private static async Task<AppendResult> ReadResultAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        if (!await reader.ReadAsync(ct)) throw new InvalidOperationException("append_events returned no row.");
        return new AppendResult(reader.GetInt64(0), reader.GetInt64(1), reader.GetBoolean(2));
    }
}

using Npgsql;
using Platform.Write.Tenancy;

namespace Platform.Write.EventStore;

/// <summary>
/// Appends inside a tenant transaction, so the command's own tables (uniqueness, credentials)
/// commit or roll back with its events. The append must be the transaction's first write, and one
/// per transaction: every stream it touches is locked up front.
/// </summary>
public sealed class TransactionalAppend(EventSerializer serializer, EventNotifier notifier, EventStoreOptions options)
{
    private readonly AppendValidator _validator = new(serializer, options);

    public async Task<AppendResult> AppendAsync(
        TenantTransaction transaction, string streamId, ExpectedVersion expected, IReadOnlyList<NewEvent> events,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return (await AppendAsync(transaction, [new StreamAppend(transaction.TenantId, streamId, expected, events)], ct))[0];
    }

    public async Task<IReadOnlyList<AppendResult>> AppendAsync(
        TenantTransaction transaction, IReadOnlyList<StreamAppend> appends, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(appends);
        if (appends.Count == 0) throw new InvalidAppendException("appends", "at least one stream is required");
        var streams = appends.Select((a, i) => _validator.Prepare(a, $"appends[{i}].")).ToArray();
        if (streams.Any(s => s.TenantId != transaction.TenantId))
            throw new InvalidAppendException("appends", "every stream must belong to the transaction's tenant");

        await using var batch = new NpgsqlBatch(transaction.Connection, transaction.Transaction);
        var lockStreams = new NpgsqlBatchCommand("select lock_event_streams($1, $2)");
        lockStreams.Parameters.Add(new NpgsqlParameter { Value = streams.Select(s => s.TenantId).ToArray() });
        lockStreams.Parameters.Add(new NpgsqlParameter { Value = streams.Select(s => s.StreamId).ToArray() });
        batch.BatchCommands.Add(lockStreams);
        foreach (var stream in streams)
        {
            var command = new NpgsqlBatchCommand(AppendCommands.AppendSql);
            AppendCommands.AddAppendParameters(command.Parameters, stream, locked: true);
            batch.BatchCommands.Add(command);
        }

        var results = new List<AppendResult>(streams.Length);
        try
        {
            await using var reader = await batch.ExecuteReaderAsync(ct);
            await reader.NextResultAsync(ct);
            foreach (var _ in streams)
            {
                if (!await reader.ReadAsync(ct)) throw new InvalidOperationException("append_events returned no row.");
                results.Add(new AppendResult(reader.GetInt64(0), reader.GetInt64(1), reader.GetBoolean(2)));
                await reader.NextResultAsync(ct);
            }
        }
        catch (PostgresException error)
        {
            throw AppendErrors.Map(error, streams[Math.Min(results.Count, streams.Length - 1)]);
        }

        if (results.Any(r => !r.AlreadyApplied)) transaction.AfterCommit(notifier.Appended);
        return results;
    }
}

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

        var (sealedKeys, locked) = await PersonalAppend.SealAsync(serializer, transaction.Connection, transaction.Transaction, streams, ct);
        if (sealedKeys is not null) transaction.AfterCommit(sealedKeys);
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction.Transaction);
        var results = await LockedBatchAppend.ExecuteAsync(batch, streams, ct, locked);
        if (results.Any(r => !r.AlreadyApplied)) transaction.AfterCommit(notifier.Appended);
        return results;
    }
}

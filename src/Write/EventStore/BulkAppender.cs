using Npgsql;
using NpgsqlTypes;

namespace Platform.Write.EventStore;

/// <summary>
/// The high-volume path (device readings): lock the batch's streams, read their heads and which
/// ids are already stored in one round trip, number the new events here, and binary COPY them
/// straight into the events table, all in one transaction.
/// </summary>
public sealed class BulkAppender(
    NpgsqlDataSource dataSource, EventSerializer serializer, EventNotifier notifier, EventStoreOptions options)
{
    private readonly AppendValidator _validator = new(serializer, options);

    private const string HeadsSql = """
        select s.t, s.s, (select coalesce(max(e.version), 0) from events e where e.tenant_id = s.t and e.stream_id = s.s)
          from unnest($1::uuid[], $2::text[]) as s(t, s)
        """;

    // One index probe per id (lateral, limit 1): a NOT EXISTS anti-join is planned as a scan of the whole table.
    private const string StoredSql = """
        select x.tenant_id, x.event_id from unnest($1::uuid[], $2::uuid[]) as u(t, id)
         cross join lateral (select e.tenant_id, e.event_id from events e where e.tenant_id = u.t and e.event_id = u.id limit 1) x
        """;

    public Task<BulkAppendResult> AppendAsync(IReadOnlyList<BulkEvent> events, CancellationToken ct = default) =>
        AppendAsync(Prepare(events), ct);

    /// <summary>Validates and serializes; throws <see cref="InvalidAppendException"/> for the first event that cannot be stored.</summary>
    public PreparedBulk Prepare(IReadOnlyList<BulkEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count > options.MaxBulkEvents)
            throw new InvalidAppendException("events", $"at most {options.MaxBulkEvents} events per bulk append");
        var seen = new HashSet<(Guid, Guid)>();
        return new PreparedBulk(events.Count, [.. PrepareRows(events).Where(r => seen.Add((r.TenantId, r.EventId)))]);
    }

    public async Task<BulkAppendResult> AppendAsync(PreparedBulk prepared, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        if (prepared.Count == 0) return new BulkAppendResult(0, 0);
        var rows = prepared.Rows;
        var streams = rows.Select(r => (r.TenantId, r.StreamId)).Distinct().ToArray();

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var (heads, stored, now) = await LockAndReadAsync(connection, transaction, streams, rows, ct);
        var sealedKeys = await SealAsync(connection, transaction, rows, ct);

        int appended;
        try
        {
            appended = await CopyAsync(connection, rows, heads, stored, now, ct);
            await transaction.CommitAsync(ct);
            sealedKeys?.Invoke();
        }
        catch (PostgresException error) when (AppendErrors.IsUnstorableText(error))
        {
            throw new InvalidAppendException("events", AppendErrors.UnstorableTextMessage);
        }
        if (appended > 0) notifier.Appended();
        return new BulkAppendResult(appended, prepared.Count - appended);
    }

    private static async Task<int> CopyAsync(
        NpgsqlConnection connection, BulkRow[] rows, Dictionary<(Guid, string), long> heads, HashSet<(Guid, Guid)> stored,
        DateTimeOffset now, CancellationToken ct)
    {
        var appended = 0;
        await using (var copy = await connection.BeginBinaryImportAsync(
            "copy events (tenant_id, stream_id, version, event_id, type, data, metadata, recorded_at) from stdin (format binary)", ct))
        {
            foreach (var row in rows)
            {
                if (stored.Contains((row.TenantId, row.EventId))) continue;
                var version = heads[(row.TenantId, row.StreamId)] += 1;
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(row.TenantId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(row.StreamId, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(version, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(row.EventId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(row.Type, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(row.Data, NpgsqlDbType.Jsonb, ct);
                await copy.WriteAsync(row.Metadata, NpgsqlDbType.Jsonb, ct);
                await copy.WriteAsync(row.RecordedAt ?? now, NpgsqlDbType.TimestampTz, ct);
                appended++;
            }
            await copy.CompleteAsync(ct);
        }
        return appended;
    }

    // Now: the transaction's time, what the column's default would give an event recorded without a time.
    private static async Task<(Dictionary<(Guid, string), long> Heads, HashSet<(Guid, Guid)> Stored, DateTimeOffset Now)> LockAndReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, (Guid TenantId, string StreamId)[] streams,
        BulkRow[] rows, CancellationToken ct)
    {
        var tenants = streams.Select(s => s.TenantId).ToArray();
        var ids = streams.Select(s => s.StreamId).ToArray();
        await using var batch = new NpgsqlBatch(connection, transaction);
        // Locks first: the heads read after them are final until commit.
        batch.BatchCommands.Add(Command("select lock_event_streams($1, $2)", tenants, ids));
        batch.BatchCommands.Add(Command(HeadsSql, tenants, ids));
        batch.BatchCommands.Add(Command(StoredSql, rows.Select(r => r.TenantId).ToArray(), rows.Select(r => r.EventId).ToArray()));
        batch.BatchCommands.Add(Command("select now()"));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        var heads = new Dictionary<(Guid, string), long>();
        while (await reader.ReadAsync(ct)) heads[(reader.GetGuid(0), reader.GetString(1))] = reader.GetInt64(2);
        await reader.NextResultAsync(ct);
        var stored = new HashSet<(Guid, Guid)>();
        while (await reader.ReadAsync(ct)) stored.Add((reader.GetGuid(0), reader.GetGuid(1)));
        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        return (heads, stored, reader.GetFieldValue<DateTimeOffset>(0));
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }

    private BulkRow[] PrepareRows(IReadOnlyList<BulkEvent> events)
    {
        var rows = new BulkRow[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i] ?? throw new InvalidAppendException($"events[{i}]", "an event is required");
            var field = $"events[{i}]";
            AppendValidator.ValidateTenant(e.TenantId, field + ".tenantId");
            _validator.ValidateStreamId(e.StreamId, field + ".streamId");
            var (type, data, metadata) = _validator.PrepareEvent(new NewEvent(e.EventId, e.Data, e.Metadata), field);
            rows[i] = new BulkRow(e.TenantId, e.StreamId, e.EventId, type, data, metadata, e.Data, e.RecordedAt?.ToUniversalTime());
        }
        return rows;
    }

    // After the locks (LockAndReadAsync), so a new subject's key is not the transaction's first write.
    private async Task<Action?> SealAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, BulkRow[] rows, CancellationToken ct)
    {
        var personal = Enumerable.Range(0, rows.Length).Where(i => Privacy.PersonalDataProtector.HasPersonalData(rows[i].Source)).ToArray();
        if (personal.Length == 0) return null;
        var (json, committed) = await PersonalAppend.SealAsync(serializer, connection, transaction,
            personal.Select(i => new Privacy.PersonalEvent(rows[i].TenantId, rows[i].Source)).ToArray(), null, ct);
        for (var k = 0; k < personal.Length; k++) rows[personal[k]] = rows[personal[k]] with { Data = json[k] };
        return committed;
    }

    internal sealed record BulkRow(
        Guid TenantId, string StreamId, Guid EventId, string Type, string Data, string Metadata, object Source, DateTimeOffset? RecordedAt);
}

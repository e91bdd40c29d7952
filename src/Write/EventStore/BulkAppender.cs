using Npgsql;
using NpgsqlTypes;

namespace Platform.Write.EventStore;

/// <summary>One event of a bulk append; the id deduplicates (a re-sent event is skipped).</summary>
public sealed record BulkEvent(Guid TenantId, string StreamId, Guid EventId, object Data, EventMetadata? Metadata = null);

public sealed record BulkAppendResult(int Appended, int Duplicates);

/// <summary>
/// The high-volume path (device readings): binary COPY into a transaction-local staging table,
/// then one INSERT that drops already stored ids and numbers each stream's new events.
/// </summary>
public sealed class BulkAppender(
    NpgsqlDataSource dataSource, EventSerializer serializer, EventNotifier notifier, EventStoreOptions options)
{
    private const string InsertSql = """
        with fresh as (
            select distinct on (b.tenant_id, b.event_id) b.*
              from bulk_events b
             where not exists (select 1 from events e where e.tenant_id = b.tenant_id and e.event_id = b.event_id)
             order by b.tenant_id, b.event_id, b.ord
        ), heads as (
            select s.tenant_id, s.stream_id,
                   (select coalesce(max(e.version), 0) from events e
                     where e.tenant_id = s.tenant_id and e.stream_id = s.stream_id) as head
              from (select distinct tenant_id, stream_id from fresh) s
        )
        insert into events (tenant_id, stream_id, version, event_id, type, data, metadata)
        select f.tenant_id, f.stream_id,
               h.head + row_number() over (partition by f.tenant_id, f.stream_id order by f.ord),
               f.event_id, f.type, f.data, f.metadata
          from fresh f join heads h using (tenant_id, stream_id)
         order by f.ord
        """;

    public async Task<BulkAppendResult> AppendAsync(IReadOnlyList<BulkEvent> events, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0) return new BulkAppendResult(0, 0);
        var rows = Prepare(events);

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var setup = new NpgsqlBatch(connection, transaction))
        {
            var lockStreams = new NpgsqlBatchCommand("select lock_event_streams($1, $2)");
            lockStreams.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.TenantId).ToArray() });
            lockStreams.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.StreamId).ToArray() });
            setup.BatchCommands.Add(lockStreams);
            setup.BatchCommands.Add(new NpgsqlBatchCommand(
                "create temp table bulk_events (tenant_id uuid, stream_id text, event_id uuid, type text, " +
                "data jsonb, metadata jsonb, ord int) on commit drop"));
            await setup.ExecuteNonQueryAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "copy bulk_events (tenant_id, stream_id, event_id, type, data, metadata, ord) from stdin (format binary)", ct))
        {
            for (var i = 0; i < rows.Length; i++)
            {
                var row = rows[i];
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(row.TenantId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(row.StreamId, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(row.EventId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(row.Type, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(row.Data, NpgsqlDbType.Jsonb, ct);
                await copy.WriteAsync(row.Metadata, NpgsqlDbType.Jsonb, ct);
                await copy.WriteAsync(i, NpgsqlDbType.Integer, ct);
            }
            await copy.CompleteAsync(ct);
        }

        int appended;
        await using (var insert = new NpgsqlCommand(InsertSql, connection, transaction))
            appended = await insert.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        if (appended > 0) notifier.Appended();
        return new BulkAppendResult(appended, rows.Length - appended);
    }

    private BulkRow[] Prepare(IReadOnlyList<BulkEvent> events)
    {
        var validator = new AppendValidator(serializer, options);
        var rows = new BulkRow[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i] ?? throw new InvalidAppendException($"events[{i}]", "an event is required");
            var field = $"events[{i}]";
            AppendValidator.ValidateTenant(e.TenantId, field + ".tenantId");
            validator.ValidateStreamId(e.StreamId, field + ".streamId");
            var (type, data, metadata) = validator.PrepareEvent(new NewEvent(e.EventId, e.Data, e.Metadata), field);
            rows[i] = new BulkRow(e.TenantId, e.StreamId, e.EventId, type, data, metadata);
        }
        return rows;
    }

    private sealed record BulkRow(Guid TenantId, string StreamId, Guid EventId, string Type, string Data, string Metadata);
}

using Npgsql;
using NpgsqlTypes;

namespace Platform.Write.Audit;

/// <summary>
/// Extends every tenant's hash chain with events that committed since the last seal, in fence order
/// (transaction id, position), and only below the fence: no running transaction can still commit an
/// event before a sealed one, so the chain's order is final and verify reproduces it from the events
/// table alone. Runs off the append path; one sealer at a time across processes (advisory lock).
/// </summary>
public sealed class EventChainSealer(NpgsqlDataSource dataSource, AuditOptions options)
{
    private const string LockSql = "select pg_try_advisory_xact_lock(hashtextextended('platform/event-chain-sealer', 0))";

    private const string CheckpointSql = "select transaction_id, position from event_chain_sealer where id = 1";

    private static readonly string EventsSql = $"""
        with fence as materialized (select pg_snapshot_xmin(pg_current_snapshot()) as horizon)
        select {StoredEvent.Columns} from events, fence
         where transaction_id < fence.horizon and (transaction_id, position) > ($1, $2)
         order by transaction_id, position limit $3
        """;

    private const string TipsSql = """
        select t.id, c.seq, c.hash from unnest($1::uuid[]) as t(id)
          left join lateral (select seq, hash from event_chain where tenant_id = t.id order by seq desc limit 1) c on true
        """;

    private const string InsertLinksSql = """
        insert into event_chain (tenant_id, seq, event_id, hash)
        select * from unnest($1::uuid[], $2::bigint[], $3::uuid[], $4::bytea[])
        """;

    private const string MoveCheckpointSql = """
        insert into event_chain_sealer (id, transaction_id, position) values (1, $1, $2)
        on conflict (id) do update set transaction_id = excluded.transaction_id, position = excluded.position
        """;

    // A head for each tenant sealed here whose last head is older than the interval.
    private const string RecordHeadsSql = """
        insert into event_chain_heads (tenant_id, seq, hash)
        select u.t, u.s, u.h from unnest($1::uuid[], $2::bigint[], $3::bytea[]) as u(t, s, h)
         where not exists (select 1 from event_chain_heads h where h.tenant_id = u.t and h.recorded_at > now() - $4::interval)
        on conflict do nothing
        """;

    /// <summary>Seals one batch; returns the events sealed, 0 when caught up or another process is sealing.</summary>
    public async Task<int> SealBatchAsync(CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (!(bool)(await Command(connection, transaction, LockSql).ExecuteScalarAsync(ct))!) return 0;

        var (afterTx, afterPosition) = await CheckpointAsync(connection, transaction, ct);
        var events = new List<StoredEvent>();
        await using (var read = Command(connection, transaction, EventsSql, afterTx, afterPosition, options.SealBatchSize))
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) events.Add(StoredEvent.Read(reader));
        }
        if (events.Count == 0) return 0;

        var tips = await TipsAsync(connection, transaction, events.Select(e => e.TenantId).Distinct().ToArray(), ct);
        var (tenants, seqs, ids, hashes) = (new Guid[events.Count], new long[events.Count], new Guid[events.Count], new byte[events.Count][]);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var (seq, previous) = tips[e.TenantId];
            var link = EventChainHash.Link(previous, e);
            tips[e.TenantId] = (seq + 1, link);
            (tenants[i], seqs[i], ids[i], hashes[i]) = (e.TenantId, seq + 1, e.EventId, link);
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(BatchCommand(InsertLinksSql, tenants, seqs, ids, hashes));
        batch.BatchCommands.Add(BatchCommand(MoveCheckpointSql, events[^1].TransactionId, events[^1].Position));
        batch.BatchCommands.Add(BatchCommand(RecordHeadsSql, tips.Keys.ToArray(), tips.Values.Select(t => t.Seq).ToArray(),
            tips.Values.Select(t => t.Hash).ToArray(), options.HeadInterval));
        await batch.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return events.Count;
    }

    /// <summary>Seals until nothing below the fence is left (or another process holds the sealer).</summary>
    public async Task<long> SealAllAsync(CancellationToken ct = default)
    {
        long sealedCount = 0;
        int sealedNow;
        while ((sealedNow = await SealBatchAsync(ct)) > 0) sealedCount += sealedNow;
        return sealedCount;
    }

    private static async Task<(ulong, long)> CheckpointAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, CheckpointSql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetFieldValue<ulong>(0), reader.GetInt64(1)) : (0UL, 0L);
    }

    private static async Task<Dictionary<Guid, (long Seq, byte[] Hash)>> TipsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid[] tenants, CancellationToken ct)
    {
        var tips = new Dictionary<Guid, (long, byte[])>();
        await using var command = Command(connection, transaction, TipsSql, tenants);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            tips[reader.GetGuid(0)] = reader.IsDBNull(1) ? (0, EventChainHash.Genesis) : (reader.GetInt64(1), reader.GetFieldValue<byte[]>(2));
        return tips;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, params object[] values)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values) command.Parameters.Add(Parameter(value));
        return command;
    }

    private static NpgsqlBatchCommand BatchCommand(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(Parameter(value));
        return command;
    }

    private static NpgsqlParameter Parameter(object value) => value switch
    {
        ulong xid => new NpgsqlParameter { Value = xid, NpgsqlDbType = NpgsqlDbType.Xid8 },
        byte[][] hashes => new NpgsqlParameter { Value = hashes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea },
        _ => new NpgsqlParameter { Value = value },
    };
}

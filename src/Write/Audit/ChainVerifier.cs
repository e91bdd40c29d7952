using Npgsql;

namespace Platform.Write.Audit;

/// <summary>
/// Walks a tenant's events in fence order, recomputes every link from the stored bytes, and compares
/// it with the sealed link and with every recorded head (and any head kept elsewhere). Streams both
/// sides in pages, so a tenant of any size verifies in constant memory.
/// </summary>
public static class ChainVerifier
{
    private const int PageSize = 2_000;

    private static readonly string EventsSql = $"""
        select {StoredEvent.Columns} from events
         where tenant_id = $1 and (transaction_id, position) > ($2, $3) order by transaction_id, position limit $4
        """;

    private const string LinksSql = "select seq, event_id, hash from event_chain where tenant_id = $1 and seq > $2 order by seq limit $3";

    private const string HeadsSql = "select seq, hash, recorded_at from event_chain_heads where tenant_id = $1 order by seq";

    /// <summary>
    /// Verifies in one repeatable-read snapshot: the sealed links are then exactly a prefix of the
    /// events it sees, so a seal landing half way through cannot look like a gap. On the application
    /// role's data source the tenant is set for row-level security.
    /// </summary>
    public static async Task<ChainReport> VerifyAsync(
        NpgsqlDataSource dataSource, Guid tenantId, IReadOnlyList<ChainHead>? knownHeads = null,
        IProgress<long>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await using (var tenant = Command(connection, transaction, "select set_config('platform.tenant_id', $1, true)", tenantId.ToString("D")))
            await tenant.ExecuteNonQueryAsync(ct);
        return await VerifyAsync(connection, transaction, tenantId, knownHeads, progress, ct);
    }

    public static async Task<ChainReport> VerifyAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid tenantId, IReadOnlyList<ChainHead>? knownHeads = null,
        IProgress<long>? progress = null, CancellationToken ct = default)
    {
        var heads = await HeadsAsync(connection, transaction, tenantId, ct);
        heads.AddRange(knownHeads ?? []);
        var headsBySeq = heads.ToLookup(h => h.Seq);
        var links = Links(connection, transaction, tenantId, ct).GetAsyncEnumerator(ct);
        await using var _ = links;
        var hasLink = await links.MoveNextAsync();

        long seq = 0, sealedCount = 0;
        var previous = EventChainHash.Genesis;
        var headsChecked = 0;
        await foreach (var e in Events(connection, transaction, tenantId, ct))
        {
            seq++;
            if (seq % 10_000 == 0) progress?.Report(seq);
            var computed = EventChainHash.Link(previous, e);
            previous = computed;
            if (!hasLink) continue;
            var (linkSeq, linkEvent, linkHash) = links.Current;
            sealedCount++;
            if (linkEvent != e.EventId)
                return Broken(BrokenReasons.OutOfOrder, $"el eslabón {linkSeq} sella el evento {linkEvent:D}, pero en ese lugar está este evento");
            if (!linkHash.AsSpan().SequenceEqual(computed))
                return Broken(BrokenReasons.DataChanged, "los datos guardados del evento ya no coinciden con su eslabón");
            foreach (var head in headsBySeq[seq])
            {
                headsChecked++;
                if (!string.Equals(head.Hash, EventChainHash.Hex(computed), StringComparison.OrdinalIgnoreCase))
                    return Broken(BrokenReasons.HeadMismatch,
                        $"la cabeza registrada {head.RecordedAt:O} en el eslabón {head.Seq} no coincide: la cadena hasta ahí fue reescrita");
            }
            hasLink = await links.MoveNextAsync();

            ChainReport Broken(string reason, string detail) => new(
                tenantId, seq, sealedCount, 0, null, headsChecked, new BrokenLink(seq, e.EventId, e.StreamId, e.Version, reason, detail));
        }
        progress?.Report(seq);

        if (hasLink)
        {
            var (missingSeq, missingEvent, _) = links.Current;
            return new ChainReport(tenantId, seq, sealedCount, 0, null, headsChecked, new BrokenLink(
                missingSeq, missingEvent, null, null, BrokenReasons.EventMissing, $"el eslabón {missingSeq} sella el evento {missingEvent:D}, que ya no está"));
        }
        var beyond = heads.FirstOrDefault(h => h.Seq > sealedCount);
        if (beyond is not null)
            return new ChainReport(tenantId, seq, sealedCount, seq - sealedCount, null, headsChecked, new BrokenLink(
                beyond.Seq, null, null, null, BrokenReasons.EventMissing, $"hay una cabeza registrada en el eslabón {beyond.Seq}, pero la cadena termina en {sealedCount}"));
        var tip = sealedCount == 0 ? null : await TipAsync(connection, transaction, tenantId, sealedCount, ct);
        return new ChainReport(tenantId, seq, sealedCount, seq - sealedCount, tip, headsChecked, null);
    }

    private static async Task<ChainHead?> TipAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid tenantId, long seq, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, "select hash from event_chain where tenant_id = $1 and seq = $2", tenantId, seq);
        return await command.ExecuteScalarAsync(ct) is byte[] hash ? new ChainHead(seq, EventChainHash.Hex(hash)) : null;
    }

    private static async Task<List<ChainHead>> HeadsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid tenantId, CancellationToken ct)
    {
        var heads = new List<ChainHead>();
        await using var command = Command(connection, transaction, HeadsSql, tenantId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            heads.Add(new ChainHead(reader.GetInt64(0), EventChainHash.Hex(reader.GetFieldValue<byte[]>(1)), reader.GetFieldValue<DateTimeOffset>(2)));
        return heads;
    }

    /// <summary>A tenant's events in fence order, paged.</summary>
    public static async IAsyncEnumerable<StoredEvent> Events(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid tenantId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        (ulong Tx, long Position) after = (0, 0);
        while (true)
        {
            var page = new List<StoredEvent>(PageSize);
            await using (var command = Command(connection, transaction, EventsSql, tenantId, after.Tx, after.Position, PageSize))
            {
                command.Parameters[1].NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Xid8;
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) page.Add(StoredEvent.Read(reader));
            }
            foreach (var e in page) yield return e;
            if (page.Count < PageSize) yield break;
            after = (page[^1].TransactionId, page[^1].Position);
        }
    }

    private static async IAsyncEnumerable<(long Seq, Guid EventId, byte[] Hash)> Links(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid tenantId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        long after = 0;
        while (true)
        {
            var page = new List<(long, Guid, byte[])>(PageSize);
            await using (var command = Command(connection, transaction, LinksSql, tenantId, after, PageSize))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct)) page.Add((reader.GetInt64(0), reader.GetGuid(1), reader.GetFieldValue<byte[]>(2)));
            }
            foreach (var link in page) yield return link;
            if (page.Count < PageSize) yield break;
            after = page[^1].Item1;
        }
    }

    internal static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params object[] values)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}

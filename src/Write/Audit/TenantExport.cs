using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Npgsql;
using Platform.Write.Privacy;

namespace Platform.Write.Audit;

/// <summary>
/// Writes a tenant's whole history to one portable zip: <c>events.ndjson</c> (one stored event a line,
/// in chain order, data and metadata as stored), the subjects' keys and links (<see cref="SubjectKeyTransfer"/>)
/// and <c>manifest.json</c>. Read from one snapshot and
/// behind its fence, so the file is a consistent prefix of the tenant's chain.
/// </summary>
public static class TenantExport
{
    private static readonly string EventsSql = $"""
        select {StoredEvent.Columns} from events
         where tenant_id = $1 and transaction_id < pg_snapshot_xmin(pg_current_snapshot()) and (transaction_id, position) > ($2, $3)
         order by transaction_id, position limit 5000
        """;

    public static async Task<long> CountAsync(NpgsqlDataSource system, Guid tenantId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        await using var command = system.CreateCommand("select count(*) from events where tenant_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    public static async Task<ExportManifest> ExportAsync(
        NpgsqlDataSource system, Guid tenantId, Stream output, TimeProvider time, ISubjectKeyWrapper keys, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(time);
        await using var connection = await system.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        using var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var types = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var streams = new HashSet<string>(StringComparer.Ordinal);
        var link = EventChainHash.Genesis;
        long count = 0;
        await using (var entry = archive.CreateEntry(ExportManifest.EventsEntry, CompressionLevel.Fastest).Open())
        {
            (ulong Tx, long Position) after = (0, 0);
            List<StoredEvent> page;
            do
            {
                page = await PageAsync(connection, transaction, tenantId, after, ct);
                foreach (var e in page)
                {
                    var line = EventLine.Write(e);
                    sha.AppendData(line);
                    await entry.WriteAsync(line, ct);
                    link = EventChainHash.Link(link, e);
                    types[e.Type] = types.GetValueOrDefault(e.Type) + 1;
                    streams.Add(e.StreamId);
                    count++;
                }
                if (page.Count > 0) after = (page[^1].TransactionId, page[^1].Position);
                progress?.Report(count);
            }
            while (page.Count > 0);
        }
        var subjects = await SubjectKeyTransfer.ExportAsync(connection, transaction, tenantId, keys, archive, ct);
        var head = count == 0 ? null : new ChainHead(count, EventChainHash.Hex(link));
        var manifest = new ExportManifest(
            ExportManifest.FormatName, ExportManifest.CurrentVersion, tenantId, time.GetUtcNow(), count, streams.Count, types, head,
            Convert.ToHexStringLower(sha.GetHashAndReset()), head is null ? null : await SealedMatchesAsync(connection, transaction, tenantId, head, ct),
            subjects, ExportManifest.KeysNotice);
        await using (var entry = archive.CreateEntry(ExportManifest.ManifestEntry, CompressionLevel.Fastest).Open())
            await JsonSerializer.SerializeAsync(entry, manifest, EventLine.ManifestJson, ct);
        return manifest;
    }

    private static async Task<List<StoredEvent>> PageAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid tenantId, (ulong Tx, long Position) after, CancellationToken ct)
    {
        await using var command = ChainVerifier.Command(connection, transaction, EventsSql, tenantId, after.Tx, after.Position);
        command.Parameters[1].NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Xid8;
        var page = new List<StoredEvent>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) page.Add(StoredEvent.Read(reader));
        return page;
    }

    private static async Task<bool?> SealedMatchesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid tenantId, ChainHead head, CancellationToken ct)
    {
        await using var command = ChainVerifier.Command(connection, transaction, "select hash from event_chain where tenant_id = $1 and seq = $2", tenantId, head.Seq);
        return await command.ExecuteScalarAsync(ct) is byte[] hash ? EventChainHash.Hex(hash) == head.Hash : null;
    }
}

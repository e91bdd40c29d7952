using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Platform.Write.Privacy;

namespace Platform.Write.Audit;

/// <summary>
/// Loads an export into a database that holds nothing of its tenant: every event with its stream,
/// version, id, type, recorded time, data and metadata as they were, in chain order, in one
/// transaction. The file's checksum, counts and recomputed chain head must equal the manifest's, or
/// nothing is stored. The subjects' keys are stored with them, wrapped by this installation's keyring. Positions and transaction ids are handed out anew; the chain does not cover them.
/// </summary>
public static class TenantImport
{
    public static async Task<ExportManifest> ReadManifestAsync(Stream input, CancellationToken ct = default)
    {
        using var archive = new ZipArchive(input, ZipArchiveMode.Read, leaveOpen: true);
        return await ManifestAsync(archive, ct);
    }

    public static async Task<ExportManifest> ImportAsync(
        NpgsqlDataSource system, Stream input, ISubjectKeyWrapper keys, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        using var archive = new ZipArchive(input, ZipArchiveMode.Read, leaveOpen: true);
        var manifest = await ManifestAsync(archive, ct);
        var entry = archive.GetEntry(ExportManifest.EventsEntry) ?? throw new TenantTransferException($"Falta {ExportManifest.EventsEntry}.");

        await using var connection = await system.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var command = ChainVerifier.Command(connection, transaction,
            "select pg_advisory_xact_lock(hashtextextended('platform/import/' || $1::text, 0)), exists (select 1 from events where tenant_id = $1)", manifest.TenantId))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            if (reader.GetBoolean(1)) throw new TenantTransferException($"La base de datos ya tiene eventos de la empresa {manifest.TenantId:D}; importa solo en una vacía.");
        }

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var link = EventChainHash.Genesis;
        long count = 0;
        await using (var copy = await connection.BeginBinaryImportAsync(
            "copy events (tenant_id, stream_id, version, event_id, type, recorded_at, data, metadata) from stdin (format binary)", ct))
        await using (var events = entry.Open())
        {
            await foreach (var line in Lines(events, ct))
            {
                sha.AppendData(line.Span);
                var e = EventLine.Read(line.Span[..^1], manifest.TenantId, count + 1);
                link = EventChainHash.Link(link, e);
                await WriteAsync(copy, e, ct);
                if (++count % 5_000 == 0) progress?.Report(count);
            }
            progress?.Report(count);
            Check(count == manifest.Events, $"el archivo tiene {count} eventos y el manifiesto dice {manifest.Events}");
            Check(Convert.ToHexStringLower(sha.GetHashAndReset()) == manifest.EventsSha256, "la suma sha256 de los eventos no coincide con el manifiesto");
            Check(count == 0 ? manifest.Chain is null : manifest.Chain == new ChainHead(count, EventChainHash.Hex(link)),
                "la cabeza de la cadena recalculada no coincide con el manifiesto");
            await copy.CompleteAsync(ct);
        }
        // Version 1 exports carried no keys: their people's personal data reads as erased after an import.
        if (manifest.FormatVersion >= 2) await SubjectKeyTransfer.ImportAsync(connection, transaction, manifest, keys, archive, ct);
        await transaction.CommitAsync(ct);
        return manifest;
    }

    private static async Task WriteAsync(NpgsqlBinaryImporter copy, StoredEvent e, CancellationToken ct)
    {
        await copy.StartRowAsync(ct);
        await copy.WriteAsync(e.TenantId, NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(e.StreamId, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(e.Version, NpgsqlDbType.Bigint, ct);
        await copy.WriteAsync(e.EventId, NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(e.Type, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(e.RecordedAt, NpgsqlDbType.TimestampTz, ct);
        await copy.WriteAsync(e.Data, NpgsqlDbType.Jsonb, ct);
        await copy.WriteAsync(e.Metadata, NpgsqlDbType.Jsonb, ct);
    }

    private static void Check(bool holds, string problem)
    {
        if (!holds) throw new TenantTransferException($"No se importó nada: {problem}.");
    }

    private static async Task<ExportManifest> ManifestAsync(ZipArchive archive, CancellationToken ct)
    {
        var entry = archive.GetEntry(ExportManifest.ManifestEntry) ?? throw new TenantTransferException($"Falta {ExportManifest.ManifestEntry}: no es una exportación.");
        await using var stream = entry.Open();
        ExportManifest? manifest;
        try
        {
            manifest = await JsonSerializer.DeserializeAsync<ExportManifest>(stream, EventLine.ManifestJson, ct);
        }
        catch (JsonException error)
        {
            throw new TenantTransferException($"{ExportManifest.ManifestEntry} no es válido: {error.Message}");
        }
        if (manifest is null || manifest.Format != ExportManifest.FormatName || manifest.FormatVersion is < 1 or > ExportManifest.CurrentVersion)
            throw new TenantTransferException($"No es una exportación de la plataforma en el formato {ExportManifest.FormatName} v{ExportManifest.CurrentVersion}.");
        return manifest;
    }

    /// <summary>The file's lines, each with its '\n' (the checksum covers them exactly).</summary>
    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> Lines(Stream input, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var reader = System.IO.Pipelines.PipeReader.Create(input);
        while (true)
        {
            var result = await reader.ReadAsync(ct);
            var buffer = result.Buffer;
            while (buffer.PositionOf((byte)'\n') is { } end)
            {
                var line = buffer.Slice(0, buffer.GetPosition(1, end));
                yield return line.ToArray();
                buffer = buffer.Slice(line.End);
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                if (!buffer.IsEmpty) throw new TenantTransferException($"{ExportManifest.EventsEntry} termina sin salto de línea.");
                break;
            }
        }
        await reader.CompleteAsync();
    }
}

using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Npgsql;
using Platform.Write.Privacy;

namespace Platform.Write.Audit;

/// <summary>
/// The tenant's subject keys and links in an export, so its people's personal data stays readable
/// in the database it is imported into: <c>subject-keys.ndjson</c> holds each subject's raw key
/// (unwrapped with the exporting installation's keyring), or null and when for a forgotten subject;
/// <c>subject-links.ndjson</c> the links, so forgetting after an import still cascades. An import
/// wraps every key with its own installation's keyring. Keys are not events: the chain ignores them.
/// </summary>
public static class SubjectKeyTransfer
{
    private sealed record KeyLine(Guid Subject, string? Key, DateTimeOffset CreatedAt, DateTimeOffset? ForgottenAt);

    private sealed record LinkLine(Guid Subject, Guid Linked, DateTimeOffset CreatedAt);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<ExportedSubjects> ExportAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid tenantId, ISubjectKeyWrapper keys, ZipArchive archive, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(archive);
        long live = 0, forgotten = 0, links = 0;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var entry = archive.CreateEntry(ExportManifest.SubjectKeysEntry, CompressionLevel.Fastest).Open())
        await using (var command = ChainVerifier.Command(connection, transaction,
            "select subject_id, wrapped_key, created_at, forgotten_at from subject_keys where tenant_id = $1 order by subject_id", tenantId))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var subject = reader.GetGuid(0);
                var key = reader.IsDBNull(1) ? null : Convert.ToBase64String(keys.Unwrap(reader.GetFieldValue<byte[]>(1), tenantId, subject));
                if (key is null) forgotten++;
                else live++;
                await WriteAsync(entry, sha, new KeyLine(subject, key, reader.GetFieldValue<DateTimeOffset>(2),
                    reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3)), ct);
            }
        }
        await using (var entry = archive.CreateEntry(ExportManifest.SubjectLinksEntry, CompressionLevel.Fastest).Open())
        await using (var command = ChainVerifier.Command(connection, transaction,
            "select subject_id, linked_subject_id, created_at from subject_links where tenant_id = $1 order by subject_id, linked_subject_id", tenantId))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                links++;
                await WriteAsync(entry, sha, new LinkLine(reader.GetGuid(0), reader.GetGuid(1), reader.GetFieldValue<DateTimeOffset>(2)), ct);
            }
        }
        return new ExportedSubjects(live, forgotten, links, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    /// <summary>Stores the keys (wrapped by <paramref name="keys"/>) and links in the caller's transaction; a subject the database already knows refuses the import.</summary>
    public static async Task ImportAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, ExportManifest manifest, ISubjectKeyWrapper keys, ZipArchive archive, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(archive);
        var expected = manifest.Subjects ?? throw new TenantTransferException("No se importó nada: el manifiesto no dice cuántas claves de personas trae.");
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var keyLines = await ReadAsync<KeyLine>(archive, ExportManifest.SubjectKeysEntry, sha, ct);
        var linkLines = await ReadAsync<LinkLine>(archive, ExportManifest.SubjectLinksEntry, sha, ct);
        if (keyLines.Count(k => k.Key is not null) != expected.Keys || keyLines.Count(k => k.Key is null) != expected.Forgotten
            || linkLines.Count != expected.Links || Convert.ToHexStringLower(sha.GetHashAndReset()) != expected.Sha256)
            throw new TenantTransferException("No se importó nada: las claves de personas no coinciden con el manifiesto.");
        if (keyLines.Any(k => (k.Key is null) == (k.ForgottenAt is null)))
            throw new TenantTransferException($"No se importó nada: {ExportManifest.SubjectKeysEntry} tiene una clave a la vez olvidada y viva.");

        await using (var taken = ChainVerifier.Command(connection, transaction,
            "select count(*) from subject_keys where tenant_id = $1 and subject_id = any($2)", manifest.TenantId, keyLines.Select(k => k.Subject).ToArray()))
            if ((long)(await taken.ExecuteScalarAsync(ct))! > 0)
                throw new TenantTransferException($"No se importó nada: la base de datos ya tiene claves de personas de la empresa {manifest.TenantId:D}.");
        await using (var insert = ChainVerifier.Command(connection, transaction, """
            insert into subject_keys (tenant_id, subject_id, wrapped_key, created_at, forgotten_at)
            select $1, u.s, u.w, u.c, u.f from unnest($2::uuid[], $3::bytea[], $4::timestamptz[], $5::timestamptz[]) as u(s, w, c, f)
            """, manifest.TenantId, keyLines.Select(k => k.Subject).ToArray(),
            keyLines.Select(k => k.Key is null ? null : keys.Wrap(Decode(k), manifest.TenantId, k.Subject)).ToArray(),
            keyLines.Select(k => k.CreatedAt).ToArray(), keyLines.Select(k => k.ForgottenAt).ToArray()))
            await insert.ExecuteNonQueryAsync(ct);
        await using (var insert = ChainVerifier.Command(connection, transaction, """
            insert into subject_links (tenant_id, subject_id, linked_subject_id, created_at)
            select $1, u.s, u.l, u.c from unnest($2::uuid[], $3::uuid[], $4::timestamptz[]) as u(s, l, c)
            on conflict do nothing
            """, manifest.TenantId, linkLines.Select(l => l.Subject).ToArray(), linkLines.Select(l => l.Linked).ToArray(), linkLines.Select(l => l.CreatedAt).ToArray()))
            await insert.ExecuteNonQueryAsync(ct);
    }

    private static byte[] Decode(KeyLine line)
    {
        var key = new byte[32];
        return Convert.TryFromBase64String(line.Key!, key, out var written) && written == 32 ? key : throw new TenantTransferException($"No se importó nada: la clave de la persona {line.Subject:D} no son 32 bytes en base64.");
    }

    private static async Task WriteAsync<T>(Stream entry, IncrementalHash sha, T line, CancellationToken ct)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(line, Json);
        Array.Resize(ref bytes, bytes.Length + 1);
        bytes[^1] = (byte)'\n';
        sha.AppendData(bytes);
        await entry.WriteAsync(bytes, ct);
    }

    private static async Task<List<T>> ReadAsync<T>(ZipArchive archive, string name, IncrementalHash sha, CancellationToken ct)
    {
        var entry = archive.GetEntry(name) ?? throw new TenantTransferException($"Falta {name}.");
        await using var stream = entry.Open();
        using var text = new StreamReader(stream, System.Text.Encoding.UTF8);
        var lines = new List<T>();
        while (await text.ReadLineAsync(ct) is { } line)
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(line + "\n"));
            try
            {
                lines.Add(JsonSerializer.Deserialize<T>(line, Json) ?? throw new JsonException("null"));
            }
            catch (JsonException error)
            {
                throw new TenantTransferException($"La línea {lines.Count + 1} de {name} no es válida: {error.Message}");
            }
        }
        return lines;
    }
}

/// <summary>What an export holds of its people: live keys, forgotten subjects (tombstones), links, and the sha256 of both files.</summary>
public sealed record ExportedSubjects(long Keys, long Forgotten, long Links, string Sha256);

using Npgsql;
using NpgsqlTypes;

namespace Platform.Write.Privacy;

/// <summary>
/// The subjects' keys: made in the transaction of the first event that needs one, read (through
/// the system connection) when an event is read, and cached unwrapped.
/// </summary>
public sealed class SubjectKeyring(NpgsqlDataSource system, ISubjectKeyWrapper wrapper, SubjectKeyCache cache)
{
    private const string EnsureSql = """
        insert into subject_keys (tenant_id, subject_id, wrapped_key)
        select $1, u.s, u.w from unnest($2::uuid[], $3::bytea[]) as u(s, w)
        on conflict (tenant_id, subject_id) do nothing
        """;

    private const string SelectSql = "select subject_id, wrapped_key from subject_keys where tenant_id = $1 and subject_id = any($2)";

    public SubjectKeyCache Cache => cache;

    /// <summary>
    /// The keys of <paramref name="subjectIds"/> (null: forgotten), creating the missing ones in the
    /// caller's transaction. Cache them only once that transaction commits.
    /// </summary>
    public async Task<Dictionary<Guid, byte[]?>> EnsureAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid tenantId, IReadOnlyCollection<Guid> subjectIds, CancellationToken ct)
    {
        var ids = subjectIds.ToArray();
        // Two statements: the select's snapshot must start after the insert waited out a concurrent
        // transaction making the same key (read committed), so it sees the key that won.
        await using (var insert = new NpgsqlCommand(EnsureSql, connection, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = tenantId, NpgsqlDbType = NpgsqlDbType.Uuid });
            insert.Parameters.Add(new NpgsqlParameter { Value = ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
            insert.Parameters.Add(new NpgsqlParameter
            {
                Value = ids.Select(s => wrapper.Wrap(PersonalDataEnvelope.NewKey(), tenantId, s)).ToArray(),
                NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea,
            });
            await insert.ExecuteNonQueryAsync(ct);
        }
        await using var select = Select(tenantId, ids, connection, transaction);
        await using var reader = await select.ExecuteReaderAsync(ct);
        var keys = new Dictionary<Guid, byte[]?>();
        while (await reader.ReadAsync(ct))
        {
            var subject = reader.GetGuid(0);
            keys[subject] = reader.IsDBNull(1) ? null : wrapper.Unwrap(reader.GetFieldValue<byte[]>(1), tenantId, subject);
        }
        return keys;
    }

    /// <summary>The key of a stored event's subject, or null once forgotten (or not committed yet).</summary>
    public byte[]? Find(Guid tenantId, Guid subjectId)
    {
        if (cache.TryGet(tenantId, subjectId, out var cached)) return cached;
        // Synchronous: events are deserialized synchronously on every read path. Misses are rare
        // (one per subject per LiveFor), and run on a pooled connection of their own.
        using var connection = system.OpenConnection();
        using var command = Select(tenantId, [subjectId], connection, null);
        using var reader = command.ExecuteReader();
        // No row: the key's transaction has not committed (a handler reading its own append). Not cached.
        if (!reader.Read()) return null;
        var key = reader.IsDBNull(1) ? null : wrapper.Unwrap(reader.GetFieldValue<byte[]>(1), tenantId, subjectId);
        cache.Remember(tenantId, subjectId, key);
        return key;
    }

    private static NpgsqlCommand Select(Guid tenantId, Guid[] ids, NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        var select = new NpgsqlCommand(SelectSql, connection, transaction);
        select.Parameters.Add(new NpgsqlParameter { Value = tenantId, NpgsqlDbType = NpgsqlDbType.Uuid });
        select.Parameters.Add(new NpgsqlParameter { Value = ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        return select;
    }
}

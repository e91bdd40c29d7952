using Npgsql;

namespace Platform.Write.Audit;

/// <summary>
/// An event exactly as stored: the data and metadata are jsonb's own text, which is what the hash
/// chain covers and what an export carries, so both survive a move to another database unchanged.
/// </summary>
public sealed record StoredEvent(
    Guid TenantId, string StreamId, long Version, Guid EventId, string Type, DateTimeOffset RecordedAt, string Data, string Metadata,
    ulong TransactionId = 0, long Position = 0)
{
    /// <summary>The columns <see cref="Read"/> expects, in order.</summary>
    public const string Columns = "tenant_id, stream_id, version, event_id, type, recorded_at, data::text, metadata::text, transaction_id, position";

    public static StoredEvent Read(NpgsqlDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new StoredEvent(
            reader.GetGuid(0), reader.GetString(1), reader.GetInt64(2), reader.GetGuid(3), reader.GetString(4),
            reader.GetFieldValue<DateTimeOffset>(5), reader.GetString(6), reader.GetString(7),
            reader.GetFieldValue<ulong>(8), reader.GetInt64(9));
    }
}

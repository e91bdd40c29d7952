using Platform.Write.EventStore;

namespace Platform.Write.Tenancy;

/// <summary>Reads one of the tenant's streams inside its transaction, for a command to fold and decide on.</summary>
public static class StreamReads
{
    /// <summary>The stream's events (deserialized) and its version; no events and 0 when there is no such stream.</summary>
    public static async Task<(List<object> Events, long Version)> ReadStreamAsync(
        this TenantTransaction tx, EventSerializer serializer, string streamId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(serializer);
        await using var command = tx.Command(
            "select version, type, data::text from events where tenant_id = $1 and stream_id = $2 order by version", tx.TenantId, streamId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var events = new List<object>();
        long version = 0;
        while (await reader.ReadAsync(ct))
        {
            version = reader.GetInt64(0);
            if (serializer.Deserialize(reader.GetString(1), reader.GetString(2)) is { } data) events.Add(data);
        }
        return (events, version);
    }

    /// <summary>A stale If-Match fails before any decision, also when the command would change nothing.</summary>
    public static void EnsureExpected(this TenantTransaction tx, string streamId, long? expected, long actual)
    {
        if (expected is { } version && version != actual)
            throw new WrongExpectedVersionException(tx.TenantId, streamId, ExpectedVersion.Exact(version), actual);
    }
}

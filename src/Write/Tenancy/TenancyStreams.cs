using Platform.Write.EventStore;

namespace Platform.Write.Tenancy;

/// <summary>A state folded from its stream, and the stream's version (0: no stream).</summary>
public sealed record Loaded<TState>(TState? State, long Version);

/// <summary>
/// Loads tenant and user state from their streams inside the command's tenant transaction. The
/// stream key includes the tenant from the context, so another tenant's user is simply not there.
/// </summary>
internal static class TenancyStreams
{
    public static async Task<Loaded<TenantState>> LoadTenantAsync(this TenantTransaction tx, EventSerializer serializer, CancellationToken ct)
    {
        var (events, version) = await ReadAsync(tx, serializer, TenancyEvents.TenantStream, ct);
        return new Loaded<TenantState>(Tenant.Fold(events), version);
    }

    public static async Task<Loaded<UserState>> LoadUserAsync(
        this TenantTransaction tx, EventSerializer serializer, Guid userId, CancellationToken ct)
    {
        var (events, version) = await ReadAsync(tx, serializer, TenancyEvents.UserStream(userId), ct);
        return new Loaded<UserState>(User.Fold(events), version);
    }

    /// <summary>A stale If-Match fails before any decision, also when the command would change nothing.</summary>
    public static void EnsureExpected(TenantTransaction tx, string streamId, long? expected, long actual)
    {
        if (expected is { } version && version != actual)
            throw new WrongExpectedVersionException(tx.TenantId, streamId, ExpectedVersion.Exact(version), actual);
    }

    private static async Task<(List<object> Events, long Version)> ReadAsync(
        TenantTransaction tx, EventSerializer serializer, string streamId, CancellationToken ct)
    {
        await using var command = tx.Command(
            "select version, type, data::text from events where tenant_id = $1 and stream_id = $2 order by version",
            tx.TenantId, streamId);
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
}

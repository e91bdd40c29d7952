using System.Text.Json;
using Platform.Write.Domain;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Audit;

/// <summary>One stream's stored events, replayed through its kind's Fold up to a version or an instant.</summary>
public sealed class StreamReplay(StreamStates states, EventSerializer serializer)
{
    /// <summary>The stream's events in version order; 404 when the tenant has no such stream (another tenant's included).</summary>
    public static async Task<List<StoredEvent>> LoadAsync(TenantTransaction tx, string streamId, long fromVersion, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        if (!AuditText.CanBeStreamId(streamId)) return [];
        await using var command = tx.Command(
            $"select {StoredEvent.Columns} from events where tenant_id = $1 and stream_id = $2 and version >= $3 order by version limit $4",
            tx.TenantId, streamId, fromVersion, limit);
        var events = new List<StoredEvent>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) events.Add(StoredEvent.Read(reader));
        return events;
    }

    public static async Task<List<StoredEvent>> LoadExistingAsync(TenantTransaction tx, string streamId, CancellationToken ct)
    {
        var events = await LoadAsync(tx, streamId, 1, int.MaxValue, ct);
        return events.Count > 0 ? events : throw new NotFoundException("el flujo de eventos");
    }

    public StreamStateRegistration KindOf(string streamId) =>
        states.Find(streamId) ?? throw new DomainException("stream-has-no-state", "Este tipo de flujo no tiene un estado que reconstruir.");

    /// <summary>The state after the first <paramref name="count"/> events, as JSON (null before the entity existed).</summary>
    public JsonElement? StateAfter(StreamStateRegistration kind, IReadOnlyList<StoredEvent> events, int count)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(events);
        var state = kind.Fold(events.Take(count).Select(e => serializer.Deserialize(e.Type, e.Data)).OfType<object>());
        return state is null ? null : JsonSerializer.SerializeToElement(state, state.GetType(), EventSerializer.Json);
    }
}

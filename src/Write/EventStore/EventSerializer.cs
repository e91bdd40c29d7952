using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Write.EventStore;

/// <summary>Turns events into stored JSON under their registered names, and back.</summary>
public sealed class EventSerializer(EventTypeRegistry registry)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public EventTypeRegistry Registry => registry;

    public string TypeName(object data, string field) =>
        registry.TryGetName(data.GetType(), out var name) ? name : throw new UnknownEventTypeException(field, data.GetType());

    public static string Serialize(object data) => JsonSerializer.Serialize(data, data.GetType(), Json);

    public static string SerializeMetadata(EventMetadata? metadata) =>
        JsonSerializer.Serialize(metadata ?? EventMetadata.Empty, Json);

    public static EventMetadata DeserializeMetadata(string json) =>
        JsonSerializer.Deserialize<EventMetadata>(json, Json) ?? EventMetadata.Empty;

    /// <summary>The event as its registered class, or null when the name is unknown to this build.</summary>
    public object? Deserialize(string type, string json) =>
        registry.TryGetType(type, out var clr) ? JsonSerializer.Deserialize(json, clr, Json) : null;
}

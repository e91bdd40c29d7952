using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Platform.Write.Privacy;

namespace Platform.Write.EventStore;

/// <summary>
/// Turns events into stored JSON under their registered names, and back. Personal data is opened
/// here, on every read path, with <paramref name="privacy"/>; without it (or once the subject is
/// forgotten) personal fields read as erased.
/// </summary>
public sealed class EventSerializer(EventTypeRegistry registry, PersonalDataProtector? privacy = null)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public EventTypeRegistry Registry => registry;

    /// <summary>Seals personal data on append; null where no key ring is configured (then such events cannot be appended).</summary>
    public PersonalDataProtector? Privacy => privacy;

    public string TypeName(object data, string field) =>
        registry.TryGetName(data.GetType(), out var name) ? name : throw new UnknownEventTypeException(field, data.GetType());

    public static string Serialize(object data) => JsonSerializer.Serialize(data, data.GetType(), Json);

    public static string SerializeMetadata(EventMetadata? metadata) =>
        JsonSerializer.Serialize(metadata ?? EventMetadata.Empty, Json);

    public static EventMetadata DeserializeMetadata(string json) =>
        JsonSerializer.Deserialize<EventMetadata>(json, Json) ?? EventMetadata.Empty;

    /// <summary>The event as its registered class, or null when the name is unknown to this build.</summary>
    public object? Deserialize(string type, string json)
    {
        if (!registry.TryGetType(type, out var clr)) return null;
        if (PersonalDataShape.Of(clr) is not { } shape) return JsonSerializer.Deserialize(json, clr, Json);
        var node = JsonNode.Parse(json)!.AsObject();
        PersonalDataProtector.Reveal(node, shape, privacy, Json);
        return node.Deserialize(clr, Json);
    }
}

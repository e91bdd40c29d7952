using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Api.Http;

/// <summary>
/// No string in any request body may exceed <see cref="MaxLength"/> characters, whatever the
/// endpoint; validators set tighter limits per field. The error names the field by its JSON path.
/// </summary>
internal sealed class CappedStringConverter : JsonConverter<string>
{
    public const int MaxLength = 10_000;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        if (value is not null && value.Length > MaxLength)
            throw new JsonException($"Text longer than {MaxLength} characters.");
        return value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}

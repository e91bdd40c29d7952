using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Api.Http;

/// <summary>
/// No string in any request body may exceed <see cref="MaxLength"/> characters, whatever the
/// endpoint; validators set tighter limits per field. Nor may it hold text PostgreSQL cannot store
/// (NUL, a lone surrogate). The error names the field by its JSON path.
/// </summary>
internal sealed class CappedStringConverter : JsonConverter<string>
{
    public const int MaxLength = 10_000;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        if (value is null) return null;
        if (value.Length > MaxLength) throw new JsonException($"Text longer than {MaxLength} characters.");
        if (!Storable(value)) throw new JsonException("Text with characters that cannot be stored.");
        return value;
    }

    private static bool Storable(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0') return false;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
            else if (char.IsSurrogate(c)) return false;
        }
        return true;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}

using System.Globalization;
using System.Text.Json;

namespace Platform.Write.Audit;

/// <summary>One line of an export's events.ndjson; data and metadata are the stored JSON, byte for byte.</summary>
public static class EventLine
{
    public static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static byte[] Write(StoredEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("streamId", e.StreamId);
            writer.WriteNumber("version", e.Version);
            writer.WriteString("eventId", e.EventId);
            writer.WriteString("type", e.Type);
            writer.WriteString("recordedAt", EventChainHash.Timestamp(e.RecordedAt));
            writer.WritePropertyName("data");
            writer.WriteRawValue(e.Data);
            writer.WritePropertyName("metadata");
            writer.WriteRawValue(e.Metadata);
            writer.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>Reads a line back for <paramref name="tenantId"/>; a malformed line names its number.</summary>
    public static StoredEvent Read(ReadOnlySpan<byte> line, Guid tenantId, long number)
    {
        try
        {
            using var document = JsonDocument.Parse(line.ToArray());
            var root = document.RootElement;
            return new StoredEvent(
                tenantId, root.GetProperty("streamId").GetString()!, root.GetProperty("version").GetInt64(), root.GetProperty("eventId").GetGuid(),
                root.GetProperty("type").GetString()!,
                DateTimeOffset.ParseExact(root.GetProperty("recordedAt").GetString()!, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                root.GetProperty("data").GetRawText(), root.GetProperty("metadata").GetRawText());
        }
        catch (Exception error) when (error is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentNullException)
        {
            throw new TenantTransferException($"La línea {number} de {ExportManifest.EventsEntry} no es un evento válido: {error.Message}");
        }
    }
}

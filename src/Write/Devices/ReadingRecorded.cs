using System.Security.Cryptography;
using System.Text;
using Platform.Write.EventStore;

namespace Platform.Write.Devices;

/// <summary>One sensor reading. A device numbers its readings per boot, so (boot, seq) is unique.</summary>
public sealed record ReadingRecorded(
    string DeviceId, int Boot, long Seq, DateTimeOffset MeasuredAt, IReadOnlyDictionary<string, double> Values);

public static class Readings
{
    public const string EventName = "devices.reading-recorded.v1";

    public static EventTypeRegistry RegisterReadings(this EventTypeRegistry registry) =>
        registry.Register<ReadingRecorded>(EventName);

    public static string StreamId(string deviceId) => $"device-{deviceId}";

    /// <summary>
    /// The same reading always gets the same event id, so a reading the device sends again
    /// (it resends until the platform acknowledges) is stored once.
    /// </summary>
    public static Guid EventId(Guid tenantId, string deviceId, int boot, long seq)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{tenantId:N}/{deviceId}/{boot}/{seq}"), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // RFC 9562 version 8 (custom)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }

    public static BulkEvent ToBulkEvent(Guid tenantId, ReadingRecorded reading, EventMetadata? metadata = null) =>
        new(tenantId, StreamId(reading.DeviceId), EventId(tenantId, reading.DeviceId, reading.Boot, reading.Seq), reading, metadata);
}

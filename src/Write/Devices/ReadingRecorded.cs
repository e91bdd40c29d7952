using System.Security.Cryptography;
using System.Text;
using Platform.Write.EventStore;

namespace Platform.Write.Devices;

/// <summary>
/// One message of sensor readings. A device numbers its messages per boot, so (boot, seq) is unique.
/// Values are decimals: devices send fixed-point numbers, and a card reader's 7-byte UID passes 2^53.
/// </summary>
public sealed record ReadingRecorded(
    string DeviceId, long Boot, long Seq, DateTimeOffset MeasuredAt, IReadOnlyDictionary<string, decimal> Values,
    IReadOnlyDictionary<string, string>? Units = null);

/// <summary>
/// A well-formed message (its boot and seq are readable) whose content the platform refused. It is
/// stored under the reading's own event id, so the device's acknowledgements move past it instead of
/// stopping there forever, and so the refusal is on record.
/// </summary>
public sealed record ReadingRejected(string DeviceId, long Boot, long Seq, string Reason);

public static class Readings
{
    public const string EventName = "devices.reading-recorded.v1";
    public const string RejectedEventName = "devices.reading-rejected.v1";

    public static EventTypeRegistry RegisterReadings(this EventTypeRegistry registry) =>
        registry.Register<ReadingRecorded>(EventName).Register<ReadingRejected>(RejectedEventName);

    public static string StreamId(string deviceId) => $"device-{deviceId}";

    /// <summary>
    /// The same reading always gets the same event id, so a reading the device sends again
    /// (it resends until the platform acknowledges) is stored once.
    /// </summary>
    public static Guid EventId(Guid tenantId, string deviceId, long boot, long seq)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{tenantId:N}/{deviceId}/{boot}/{seq}"), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // RFC 9562 version 8 (custom)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }

    public static BulkEvent ToBulkEvent(Guid tenantId, ReadingRecorded reading, EventMetadata? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return new(tenantId, StreamId(reading.DeviceId), EventId(tenantId, reading.DeviceId, reading.Boot, reading.Seq), reading, metadata);
    }

    public static BulkEvent ToBulkEvent(Guid tenantId, ReadingRejected rejected, EventMetadata? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        return new(tenantId, StreamId(rejected.DeviceId), EventId(tenantId, rejected.DeviceId, rejected.Boot, rejected.Seq), rejected, metadata);
    }
}

namespace Platform.Ingest.Telemetry;

/// <summary>A message of a registered, active device, ready to store: a reading or a recorded refusal.</summary>
public sealed record TelemetryItem(Guid TenantId, Guid DeviceId, TelemetryPayload Content)
{
    public long Boot => Content switch { TelemetryPayload.Reading r => r.Boot, TelemetryPayload.Refused r => r.Boot, _ => throw Unstorable() };

    public long Seq => Content switch { TelemetryPayload.Reading r => r.Seq, TelemetryPayload.Refused r => r.Seq, _ => throw Unstorable() };

    public long? First => Content switch { TelemetryPayload.Reading r => r.First, TelemetryPayload.Refused r => r.First, _ => throw Unstorable() };

    private static InvalidOperationException Unstorable() => new("A malformed message has no boot and seq to store.");
}

/// <summary>The highest seq of (device, boot) stored with everything below it: what the device may drop.</summary>
public sealed record DeviceAck(Guid TenantId, Guid DeviceId, long Boot, long Seq)
{
    public string Topic => DeviceTopic.Of(TenantId, DeviceId, DeviceTopic.Ack);

    public string Payload => $"{{\"boot\":{Boot},\"seq\":{Seq}}}";
}

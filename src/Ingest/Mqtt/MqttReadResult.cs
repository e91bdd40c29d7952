namespace Platform.Ingest.Mqtt;

public enum MqttReadStatus
{
    /// <summary>Not a whole packet yet: wait for more bytes (at the end of the stream this means truncated).</summary>
    Incomplete,
    Packet,
    /// <summary>The bytes break the protocol; the connection must be closed.</summary>
    Malformed,
}

public readonly record struct MqttReadResult(MqttReadStatus Status, MqttPacket? Packet, string? Error)
{
    public static readonly MqttReadResult Incomplete = new(MqttReadStatus.Incomplete, null, null);

    public static MqttReadResult Read(MqttPacket packet) => new(MqttReadStatus.Packet, packet, null);

    public static MqttReadResult Malformed(string error) => new(MqttReadStatus.Malformed, null, error);
}

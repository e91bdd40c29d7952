namespace Platform.Ingest.Mqtt;

/// <summary>One MQTT 3.1.1 control packet. QoS 2's PUBREC/PUBREL/PUBCOMP are deliberately absent.</summary>
public abstract record MqttPacket;

public sealed record ConnectPacket(string ClientId, bool CleanSession, ushort KeepAliveSeconds) : MqttPacket
{
    public string? Username { get; init; }

    public ReadOnlyMemory<byte>? Password { get; init; }

    public MqttWill? Will { get; init; }
}

public sealed record ConnAckPacket(bool SessionPresent, ConnectReturnCode ReturnCode) : MqttPacket;

public sealed record PublishPacket(string Topic, ReadOnlyMemory<byte> Payload, MqttQos Qos, ushort PacketId = 0) : MqttPacket
{
    public bool Retain { get; init; }

    public bool Duplicate { get; init; }
}

public sealed record PubAckPacket(ushort PacketId) : MqttPacket;

public sealed record SubscribePacket(ushort PacketId, IReadOnlyList<MqttSubscription> Subscriptions) : MqttPacket;

public sealed record SubAckPacket(ushort PacketId, IReadOnlyList<SubscribeReturnCode> ReturnCodes) : MqttPacket;

public sealed record UnsubscribePacket(ushort PacketId, IReadOnlyList<string> TopicFilters) : MqttPacket;

public sealed record UnsubAckPacket(ushort PacketId) : MqttPacket;

public sealed record PingReqPacket : MqttPacket
{
    public static readonly PingReqPacket Instance = new();
}

public sealed record PingRespPacket : MqttPacket
{
    public static readonly PingRespPacket Instance = new();
}

public sealed record DisconnectPacket : MqttPacket
{
    public static readonly DisconnectPacket Instance = new();
}

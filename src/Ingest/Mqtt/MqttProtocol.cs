namespace Platform.Ingest.Mqtt;

public enum MqttQos
{
    AtMostOnce = 0,
    AtLeastOnce = 1,
    ExactlyOnce = 2,
}

public enum ConnectReturnCode
{
    Accepted = 0,
    UnacceptableProtocolVersion = 1,
    IdentifierRejected = 2,
    ServerUnavailable = 3,
    BadUsernameOrPassword = 4,
    NotAuthorized = 5,
}

public enum SubscribeReturnCode
{
    GrantedQos0 = 0,
    GrantedQos1 = 1,
    GrantedQos2 = 2,
    Failure = 0x80,
}

/// <summary>The fixed header's packet type (the high nibble of the first byte).</summary>
internal enum MqttPacketType
{
    Connect = 1,
    ConnAck = 2,
    Publish = 3,
    PubAck = 4,
    PubRec = 5,
    PubRel = 6,
    PubComp = 7,
    Subscribe = 8,
    SubAck = 9,
    Unsubscribe = 10,
    UnsubAck = 11,
    PingReq = 12,
    PingResp = 13,
    Disconnect = 14,
}

public sealed record MqttSubscription(string TopicFilter, MqttQos Qos = MqttQos.AtLeastOnce);

/// <summary>Published by the broker on our behalf when the connection ends without a DISCONNECT.</summary>
public sealed record MqttWill(string Topic, ReadOnlyMemory<byte> Payload, MqttQos Qos = MqttQos.AtLeastOnce, bool Retain = false);

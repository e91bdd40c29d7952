namespace Platform.Ingest.Mqtt;

/// <summary>
/// A message the broker delivered. At QoS 1 the broker keeps it until <see cref="AckAsync"/>: call it
/// only once the message is safely handled (the ingest calls it after its database commit).
/// </summary>
public sealed class MqttMessage
{
    private readonly InboundAcks.Entry? ack;

    internal MqttMessage(PublishPacket packet, InboundAcks.Entry? ack)
    {
        Topic = packet.Topic;
        Payload = packet.Payload;
        Qos = packet.Qos;
        Retain = packet.Retain;
        Duplicate = packet.Duplicate;
        this.ack = ack;
    }

    public string Topic { get; }

    public ReadOnlyMemory<byte> Payload { get; }

    public MqttQos Qos { get; }

    public bool Retain { get; }

    /// <summary>The broker may have delivered this message before (a redelivery after a reconnect).</summary>
    public bool Duplicate { get; }

    /// <summary>
    /// Sends the PUBACK (after those of earlier messages). Idempotent; nothing to do at QoS 0. When the
    /// connection it arrived on is gone this does nothing: the broker redelivers the message instead.
    /// </summary>
    public ValueTask AckAsync(CancellationToken ct = default) => ack?.AckAsync(ct) ?? ValueTask.CompletedTask;
}

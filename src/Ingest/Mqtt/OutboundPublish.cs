namespace Platform.Ingest.Mqtt;

/// <summary>A QoS 1 PUBLISH from us that the broker has not acknowledged yet.</summary>
internal sealed class OutboundPublish(PublishPacket packet, long sequence)
{
    public PublishPacket Packet { get; } = packet;

    /// <summary>Creation order, so a resend after reconnecting keeps the original order.</summary>
    public long Sequence { get; } = sequence;

    /// <summary>The connection it was last sent on (0: not sent yet), so no connection sends it twice.</summary>
    public int Generation { get; set; }

    public TaskCompletionSource Acknowledged { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

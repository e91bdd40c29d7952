namespace Platform.Ingest.Mqtt;

/// <summary>
/// PUBACKs for received QoS 1 messages, sent when the consumer acknowledges and in the order the
/// messages arrived, as MQTT 3.1.1 requires (4.6): an acknowledgement waits for earlier ones.
/// Tied to one connection: after a reconnect the broker redelivers whatever was not acknowledged.
/// </summary>
internal sealed class InboundAcks(MqttConnection connection)
{
    private readonly Queue<Entry> arrived = new();

    public Entry Track(ushort packetId)
    {
        var entry = new Entry(this, packetId);
        lock (arrived)
        {
            arrived.Enqueue(entry);
        }

        return entry;
    }

    /// <summary>Messages received and not yet acknowledged by the consumer (the broker's in-flight window).</summary>
    public int Unacknowledged
    {
        get
        {
            lock (arrived)
            {
                return arrived.Count;
            }
        }
    }

    private async ValueTask AckAsync(Entry entry, CancellationToken ct)
    {
        lock (arrived)
        {
            if (entry.Acknowledged)
            {
                return;
            }

            entry.Acknowledged = true;
        }

        if (connection.IsClosed)
        {
            return;
        }

        try
        {
            await SendAcknowledgedPrefixAsync(ct);
        }
        catch (MqttConnectionLostException)
        {
            // Lost before the PUBACK went out: the broker redelivers the message on the next connection.
        }
    }

    // Collected under the write lock, so two consumers acknowledging at once cannot swap the order on the wire.
    private ValueTask SendAcknowledgedPrefixAsync(CancellationToken ct) =>
        connection.SendAsync(
            output =>
            {
                lock (arrived)
                {
                    while (arrived.TryPeek(out var head) && head.Acknowledged)
                    {
                        MqttPacketWriter.Write(output, new PubAckPacket(arrived.Dequeue().PacketId));
                    }
                }
            },
            ct);

    internal sealed class Entry(InboundAcks owner, ushort packetId)
    {
        public ushort PacketId { get; } = packetId;

        public bool Acknowledged { get; set; }

        public ValueTask AckAsync(CancellationToken ct) => owner.AckAsync(this, ct);
    }
}

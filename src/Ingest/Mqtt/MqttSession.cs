namespace Platform.Ingest.Mqtt;

/// <summary>
/// What outlives one connection: unacknowledged QoS 1 publishes (resent with DUP after a reconnect
/// when the session is persistent) and the subscriptions to restore when the broker lost them.
/// </summary>
internal sealed class MqttSession
{
    private readonly Lock gate = new();
    private readonly Dictionary<ushort, OutboundPublish> pending = [];
    private readonly Dictionary<string, MqttSubscription> subscriptions = new(StringComparer.Ordinal);
    private long sequence;

    public PacketIdentifiers Ids { get; } = new();

    public OutboundPublish Add(string topic, ReadOnlyMemory<byte> payload, bool retain)
    {
        var id = Ids.Take();
        lock (gate)
        {
            var publish = new OutboundPublish(new PublishPacket(topic, payload, MqttQos.AtLeastOnce, id) { Retain = retain }, ++sequence);
            pending.Add(id, publish);
            return publish;
        }
    }

    /// <summary>Claims the publish for a connection; false when that connection (a resend) already sent it.</summary>
    public bool TryClaim(OutboundPublish publish, int generation)
    {
        lock (gate)
        {
            if (publish.Generation >= generation || !pending.ContainsKey(publish.Packet.PacketId))
            {
                return false;
            }

            publish.Generation = generation;
            return true;
        }
    }

    /// <summary>
    /// What a new connection must send, oldest first, claimed by it: each PUBLISH carries DUP when an
    /// earlier connection sent it (the broker may have it already), not when it never went out.
    /// </summary>
    public IReadOnlyList<PublishPacket> ClaimUnacknowledged(int generation)
    {
        lock (gate)
        {
            var unacknowledged = pending.Values.Where(x => x.Generation < generation).OrderBy(x => x.Sequence).ToList();
            var packets = unacknowledged.Select(x => x.Packet with { Duplicate = x.Generation != 0 }).ToList();
            unacknowledged.ForEach(x => x.Generation = generation);
            return packets;
        }
    }

    public bool Acknowledge(ushort packetId)
    {
        OutboundPublish? publish;
        lock (gate)
        {
            if (!pending.Remove(packetId, out publish))
            {
                return false;
            }
        }

        Ids.Release(packetId);
        publish.Acknowledged.TrySetResult();
        return true;
    }

    /// <summary>Drops a publish that never went out (its caller gave up waiting for a connection).</summary>
    public void Withdraw(OutboundPublish publish)
    {
        lock (gate)
        {
            if (publish.Generation != 0 || !pending.Remove(publish.Packet.PacketId))
            {
                return;
            }
        }

        Ids.Release(publish.Packet.PacketId);
    }

    public void FailAll(Exception error)
    {
        List<OutboundPublish> failed;
        lock (gate)
        {
            failed = [.. pending.Values];
            pending.Clear();
        }

        foreach (var publish in failed)
        {
            Ids.Release(publish.Packet.PacketId);
            publish.Acknowledged.TrySetException(error);
        }
    }

    public int PendingCount
    {
        get
        {
            lock (gate)
            {
                return pending.Count;
            }
        }
    }

    public void Remember(IEnumerable<MqttSubscription> granted)
    {
        lock (gate)
        {
            foreach (var subscription in granted)
            {
                subscriptions[subscription.TopicFilter] = subscription;
            }
        }
    }

    public void Forget(IEnumerable<string> filters)
    {
        lock (gate)
        {
            foreach (var filter in filters)
            {
                subscriptions.Remove(filter);
            }
        }
    }

    public IReadOnlyList<MqttSubscription> Subscriptions()
    {
        lock (gate)
        {
            return [.. subscriptions.Values];
        }
    }
}

namespace Platform.Ingest.Mqtt;

/// <summary>Decodes one packet body whose fixed header has been read; every rule broken is a reason, never an exception.</summary>
internal static class MqttPacketDecoder
{
    public static MqttReadResult Decode(byte header, ReadOnlySpan<byte> body)
    {
        var type = (MqttPacketType)(header >> 4);
        var flags = header & 0x0F;
        if (type != MqttPacketType.Publish && flags != (type is MqttPacketType.Subscribe or MqttPacketType.Unsubscribe or MqttPacketType.PubRel ? 2 : 0))
        {
            return MqttReadResult.Malformed($"{type} has reserved flags 0x{flags:X}");
        }

        var reader = new MqttSpanReader(body);
        return type switch
        {
            MqttPacketType.Connect => MqttConnectDecoder.Decode(ref reader),
            MqttPacketType.ConnAck => ConnAck(body),
            MqttPacketType.Publish => Publish(flags, ref reader),
            MqttPacketType.PubAck => IdOnly(type, ref reader, id => new PubAckPacket(id)),
            MqttPacketType.Subscribe => MqttSubscriptionDecoder.Subscribe(ref reader),
            MqttPacketType.SubAck => MqttSubscriptionDecoder.SubAck(ref reader),
            MqttPacketType.Unsubscribe => MqttSubscriptionDecoder.Unsubscribe(ref reader),
            MqttPacketType.UnsubAck => IdOnly(type, ref reader, id => new UnsubAckPacket(id)),
            MqttPacketType.PingReq => Empty(type, body, PingReqPacket.Instance),
            MqttPacketType.PingResp => Empty(type, body, PingRespPacket.Instance),
            MqttPacketType.Disconnect => Empty(type, body, DisconnectPacket.Instance),
            _ => MqttReadResult.Malformed($"{type} belongs to QoS 2, which this client does not support"),
        };
    }

    private static MqttReadResult ConnAck(ReadOnlySpan<byte> body)
    {
        if (body.Length != 2 || (body[0] & 0xFE) != 0 || body[1] > (byte)ConnectReturnCode.NotAuthorized)
        {
            return MqttReadResult.Malformed("CONNACK is two bytes: session present (0 or 1) and a return code from 0 to 5");
        }

        var packet = new ConnAckPacket(body[0] == 1, (ConnectReturnCode)body[1]);
        return packet.SessionPresent && packet.ReturnCode != ConnectReturnCode.Accepted
            ? MqttReadResult.Malformed("a refused CONNACK must not claim a session")
            : MqttReadResult.Read(packet);
    }

    private static MqttReadResult Publish(int flags, ref MqttSpanReader reader)
    {
        var qos = (MqttQos)((flags >> 1) & 3);
        var duplicate = (flags & 0x08) != 0;
        if (qos > MqttQos.ExactlyOnce || (duplicate && qos == MqttQos.AtMostOnce))
        {
            return MqttReadResult.Malformed($"PUBLISH flags 0x{flags:X} are invalid (QoS 3, or DUP at QoS 0)");
        }

        if (!reader.TryReadString("the PUBLISH topic", out var topic, out var problem))
        {
            return MqttReadResult.Malformed(problem!);
        }

        if (MqttTopics.TopicNameProblem(topic) is { } topicProblem)
        {
            return MqttReadResult.Malformed(topicProblem);
        }

        ushort id = 0;
        if (qos > MqttQos.AtMostOnce && (!reader.TryReadUInt16(out id) || id == 0))
        {
            return MqttReadResult.Malformed("a QoS 1 or 2 PUBLISH needs a packet identifier from 1 to 65535");
        }

        // The payload outlives the receive buffer (the consumer holds it until it acknowledges), hence the copy.
        var payload = reader.ReadRest().ToArray();
        return MqttReadResult.Read(new PublishPacket(topic, payload, qos, id) { Retain = (flags & 1) != 0, Duplicate = duplicate });
    }

    private static MqttReadResult IdOnly(MqttPacketType type, ref MqttSpanReader reader, Func<ushort, MqttPacket> create) =>
        reader.Remaining == 2 && TryReadId(ref reader, out var id)
            ? MqttReadResult.Read(create(id))
            : MqttReadResult.Malformed($"{type} is exactly a packet identifier from 1 to 65535");

    private static MqttReadResult Empty(MqttPacketType type, ReadOnlySpan<byte> body, MqttPacket packet) =>
        body.IsEmpty ? MqttReadResult.Read(packet) : MqttReadResult.Malformed($"{type} has no body, yet {body.Length} bytes follow");

    internal static bool TryReadId(ref MqttSpanReader reader, out ushort id) => reader.TryReadUInt16(out id) && id != 0;
}

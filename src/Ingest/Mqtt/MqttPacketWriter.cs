using System.Buffers;

namespace Platform.Ingest.Mqtt;

/// <summary>
/// Encodes packets straight into the output buffer: the body size is computed first, so each packet
/// takes one span and no intermediate array. Invalid packets are a caller's bug and throw.
/// </summary>
public static class MqttPacketWriter
{
    public static int Write(IBufferWriter<byte> output, MqttPacket packet)
    {
        ArgumentNullException.ThrowIfNull(output);
        MqttPacketRules.ThrowIfInvalid(packet);
        var (header, bodyLength) = HeaderAndBodyLength(packet);
        var total = 1 + RemainingLength.SizeOf(bodyLength) + bodyLength;
        var writer = new MqttSpanWriter(output.GetSpan(total));
        writer.WriteByte(header);
        writer.WriteRemainingLength(bodyLength);
        WriteBody(ref writer, packet);
        output.Advance(total);
        return total;
    }

    public static byte[] ToArray(MqttPacket packet)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(buffer, packet);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The whole encoded size, to refuse a packet larger than the maximum before queuing it.</summary>
    public static int SizeOf(MqttPacket packet)
    {
        var (_, bodyLength) = HeaderAndBodyLength(packet);
        return 1 + RemainingLength.SizeOf(bodyLength) + bodyLength;
    }

    private static (byte Header, int BodyLength) HeaderAndBodyLength(MqttPacket packet) => packet switch
    {
        ConnectPacket c => (0x10, 10 + Str(c.ClientId)
            + (c.Will is { } w ? Str(w.Topic) + 2 + w.Payload.Length : 0)
            + (c.Username is { } u ? Str(u) : 0) + (c.Password is { } p ? 2 + p.Length : 0)),
        ConnAckPacket => (0x20, 2),
        PublishPacket p => ((byte)(0x30 | (p.Duplicate ? 0x08 : 0) | ((int)p.Qos << 1) | (p.Retain ? 1 : 0)),
            Str(p.Topic) + (p.Qos > MqttQos.AtMostOnce ? 2 : 0) + p.Payload.Length),
        PubAckPacket => (0x40, 2),
        SubscribePacket s => (0x82, 2 + s.Subscriptions.Sum(x => Str(x.TopicFilter) + 1)),
        SubAckPacket s => (0x90, 2 + s.ReturnCodes.Count),
        UnsubscribePacket u => (0xA2, 2 + u.TopicFilters.Sum(Str)),
        UnsubAckPacket => (0xB0, 2),
        PingReqPacket => (0xC0, 0),
        PingRespPacket => (0xD0, 0),
        DisconnectPacket => (0xE0, 0),
        _ => throw new ArgumentException($"{packet.GetType().Name} is not an MQTT 3.1.1 packet this client writes.", nameof(packet)),
    };

    private static int Str(string value) => 2 + MqttStrings.ByteCount(value);

    private static void WriteBody(ref MqttSpanWriter writer, MqttPacket packet)
    {
        switch (packet)
        {
            case ConnectPacket c:
                WriteConnect(ref writer, c);
                break;
            case ConnAckPacket c:
                writer.WriteByte(c.SessionPresent ? (byte)1 : (byte)0);
                writer.WriteByte((byte)c.ReturnCode);
                break;
            case PublishPacket p:
                writer.WriteString(p.Topic);
                if (p.Qos > MqttQos.AtMostOnce)
                {
                    writer.WriteUInt16(p.PacketId);
                }

                writer.WriteBytes(p.Payload.Span);
                break;
            case PubAckPacket a:
                writer.WriteUInt16(a.PacketId);
                break;
            case SubscribePacket s:
                writer.WriteUInt16(s.PacketId);
                foreach (var subscription in s.Subscriptions)
                {
                    writer.WriteString(subscription.TopicFilter);
                    writer.WriteByte((byte)subscription.Qos);
                }

                break;
            case SubAckPacket s:
                writer.WriteUInt16(s.PacketId);
                foreach (var code in s.ReturnCodes)
                {
                    writer.WriteByte((byte)code);
                }

                break;
            case UnsubscribePacket u:
                writer.WriteUInt16(u.PacketId);
                foreach (var filter in u.TopicFilters)
                {
                    writer.WriteString(filter);
                }

                break;
            case UnsubAckPacket u:
                writer.WriteUInt16(u.PacketId);
                break;
        }
    }

    private static void WriteConnect(ref MqttSpanWriter writer, ConnectPacket c)
    {
        writer.WriteString("MQTT");
        writer.WriteByte(4);
        var flags = (c.Username is null ? 0 : 0x80) | (c.Password is null ? 0 : 0x40) | (c.CleanSession ? 0x02 : 0)
            | (c.Will is { } will ? 0x04 | ((int)will.Qos << 3) | (will.Retain ? 0x20 : 0) : 0);
        writer.WriteByte((byte)flags);
        writer.WriteUInt16(c.KeepAliveSeconds);
        writer.WriteString(c.ClientId);
        if (c.Will is { } w)
        {
            writer.WriteString(w.Topic);
            writer.WriteBinary(w.Payload.Span);
        }

        if (c.Username is { } username)
        {
            writer.WriteString(username);
        }

        if (c.Password is { } password)
        {
            writer.WriteBinary(password.Span);
        }
    }
}

namespace Platform.Ingest.Mqtt;

/// <summary>CONNECT (section 3.1): only a broker reads it; we decode it to test the codec both ways.</summary>
internal static class MqttConnectDecoder
{
    public static MqttReadResult Decode(ref MqttSpanReader reader)
    {
        if (!reader.TryReadString("the protocol name", out var protocol, out var problem) || protocol != "MQTT")
        {
            return MqttReadResult.Malformed(problem ?? $"protocol name '{protocol}' is not MQTT");
        }

        if (!reader.TryReadByte(out var level) || level != 4)
        {
            return MqttReadResult.Malformed($"protocol level {level} is not 4 (MQTT 3.1.1)");
        }

        if (!reader.TryReadByte(out var flags) || !reader.TryReadUInt16(out var keepAlive))
        {
            return MqttReadResult.Malformed("CONNECT is truncated before its keep-alive");
        }

        if (FlagsProblem(flags) is { } flagsProblem)
        {
            return MqttReadResult.Malformed(flagsProblem);
        }

        if (!reader.TryReadString("the client id", out var clientId, out problem))
        {
            return MqttReadResult.Malformed(problem!);
        }

        MqttWill? will = null;
        if ((flags & 0x04) != 0)
        {
            if (!reader.TryReadString("the will topic", out var topic, out problem) || !reader.TryReadBinary(out var payload))
            {
                return MqttReadResult.Malformed(problem ?? "the will message is truncated");
            }

            will = new MqttWill(topic, payload.ToArray(), (MqttQos)((flags >> 3) & 3), (flags & 0x20) != 0);
        }

        string? username = null;
        if ((flags & 0x80) != 0 && !reader.TryReadString("the user name", out username, out problem))
        {
            return MqttReadResult.Malformed(problem!);
        }

        ReadOnlyMemory<byte>? password = null;
        if ((flags & 0x40) != 0)
        {
            if (!reader.TryReadBinary(out var bytes))
            {
                return MqttReadResult.Malformed("the password is truncated");
            }

            password = bytes.ToArray();
        }

        var packet = new ConnectPacket(clientId, (flags & 0x02) != 0, keepAlive) { Username = username, Password = password, Will = will };
        return reader.Remaining != 0
            ? MqttReadResult.Malformed($"CONNECT has {reader.Remaining} bytes after its last field")
            : MqttPacketRules.Problem(packet) is { } rule ? MqttReadResult.Malformed(rule) : MqttReadResult.Read(packet);
    }

    private static string? FlagsProblem(byte flags)
    {
        var will = (flags & 0x04) != 0;
        var willQos = (flags >> 3) & 3;
        var willRetain = (flags & 0x20) != 0;
        return (flags & 0x01) != 0 ? "the reserved CONNECT flag is set"
            : willQos == 3 ? "the will QoS is 3"
            : !will && (willQos != 0 || willRetain) ? "will QoS or retain is set without a will"
            : (flags & 0x40) != 0 && (flags & 0x80) == 0 ? "a password without a user name"
            : null;
    }
}

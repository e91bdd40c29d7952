namespace Platform.Ingest.Mqtt;

/// <summary>
/// What makes a packet valid before it is written: the same rules the reader enforces on the
/// network, so we never send what we would disconnect a peer for.
/// </summary>
public static class MqttPacketRules
{
    public static void ThrowIfInvalid(MqttPacket packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        if (Problem(packet) is { } problem)
        {
            throw new ArgumentException($"Invalid {packet.GetType().Name}: {problem}.", nameof(packet));
        }
    }

    public static string? Problem(MqttPacket packet) => packet switch
    {
        ConnectPacket c => ConnectProblem(c),
        PublishPacket p => PublishProblem(p),
        PubAckPacket a => IdProblem(a.PacketId),
        SubscribePacket s => IdProblem(s.PacketId) ?? (s.Subscriptions.Count == 0
            ? "a SUBSCRIBE needs at least one topic filter"
            : s.Subscriptions.Select(x => MqttTopics.TopicFilterProblem(x.TopicFilter) ?? QosProblem(x.Qos)).FirstOrDefault(x => x is not null)),
        SubAckPacket s => IdProblem(s.PacketId) ?? (s.ReturnCodes.Count == 0 ? "a SUBACK needs at least one return code"
            : s.ReturnCodes.Any(x => !Enum.IsDefined(x)) ? "a SUBACK return code is 0, 1, 2 or 0x80" : null),
        UnsubscribePacket u => IdProblem(u.PacketId) ?? (u.TopicFilters.Count == 0
            ? "an UNSUBSCRIBE needs at least one topic filter"
            : u.TopicFilters.Select(MqttTopics.TopicFilterProblem).FirstOrDefault(x => x is not null)),
        UnsubAckPacket u => IdProblem(u.PacketId),
        ConnAckPacket c => !Enum.IsDefined(c.ReturnCode) ? "unknown return code"
            : c.SessionPresent && c.ReturnCode != ConnectReturnCode.Accepted ? "a refused connection has no session" : null,
        _ => null,
    };

    private static string? ConnectProblem(ConnectPacket c)
    {
        if (MqttStrings.Problem(c.ClientId) is { } id)
        {
            return $"the client id {id}";
        }

        if (c.ClientId.Length == 0 && !c.CleanSession)
        {
            return "an empty client id needs a clean session (the broker could not find the session again)";
        }

        if (c.Password is not null && c.Username is null)
        {
            return "MQTT 3.1.1 sends a password only with a user name";
        }

        if ((c.Username is { } user && MqttStrings.Problem(user) is not null) || c.Password?.Length > MqttStrings.MaxBytes)
        {
            return "the user name or password is not a valid MQTT string";
        }

        return c.Will is { } will
            ? MqttTopics.TopicNameProblem(will.Topic) ?? QosProblem(will.Qos)
              ?? (will.Payload.Length > MqttStrings.MaxBytes ? "the will payload is longer than 65,535 bytes" : null)
            : null;
    }

    private static string? PublishProblem(PublishPacket p)
    {
        if (MqttTopics.TopicNameProblem(p.Topic) is { } topic)
        {
            return topic;
        }

        if (QosProblem(p.Qos) is { } qos)
        {
            return qos;
        }

        if (p.Qos == MqttQos.AtMostOnce)
        {
            return p.Duplicate ? "DUP must be 0 at QoS 0" : p.PacketId != 0 ? "QoS 0 has no packet identifier" : null;
        }

        return IdProblem(p.PacketId);
    }

    private static string? IdProblem(ushort packetId) => packetId == 0 ? "packet identifiers are 1 to 65535" : null;

    private static string? QosProblem(MqttQos qos) => Enum.IsDefined(qos) ? null : $"QoS {(int)qos} does not exist";
}

namespace Platform.Ingest.Mqtt;

/// <summary>SUBSCRIBE, SUBACK and UNSUBSCRIBE bodies: lists that must hold at least one valid entry.</summary>
internal static class MqttSubscriptionDecoder
{
    public static MqttReadResult Subscribe(ref MqttSpanReader reader)
    {
        if (!MqttPacketDecoder.TryReadId(ref reader, out var id))
        {
            return MqttReadResult.Malformed("SUBSCRIBE needs a packet identifier from 1 to 65535");
        }

        var subscriptions = new List<MqttSubscription>();
        while (reader.Remaining > 0)
        {
            if (!reader.TryReadString("a SUBSCRIBE topic filter", out var filter, out var problem))
            {
                return MqttReadResult.Malformed(problem!);
            }

            if (MqttTopics.TopicFilterProblem(filter) is { } filterProblem)
            {
                return MqttReadResult.Malformed(filterProblem);
            }

            if (!reader.TryReadByte(out var qos) || qos > 2)
            {
                return MqttReadResult.Malformed("each SUBSCRIBE topic filter is followed by a QoS byte of 0, 1 or 2");
            }

            subscriptions.Add(new MqttSubscription(filter, (MqttQos)qos));
        }

        return subscriptions.Count == 0
            ? MqttReadResult.Malformed("SUBSCRIBE needs at least one topic filter")
            : MqttReadResult.Read(new SubscribePacket(id, subscriptions));
    }

    public static MqttReadResult SubAck(ref MqttSpanReader reader)
    {
        if (!MqttPacketDecoder.TryReadId(ref reader, out var id) || reader.Remaining == 0)
        {
            return MqttReadResult.Malformed("SUBACK needs a packet identifier and at least one return code");
        }

        var codes = new List<SubscribeReturnCode>(reader.Remaining);
        while (reader.TryReadByte(out var code))
        {
            if (code is > 2 and not 0x80)
            {
                return MqttReadResult.Malformed($"SUBACK return code 0x{code:X2} is not 0, 1, 2 or 0x80");
            }

            codes.Add((SubscribeReturnCode)code);
        }

        return MqttReadResult.Read(new SubAckPacket(id, codes));
    }

    public static MqttReadResult Unsubscribe(ref MqttSpanReader reader)
    {
        if (!MqttPacketDecoder.TryReadId(ref reader, out var id))
        {
            return MqttReadResult.Malformed("UNSUBSCRIBE needs a packet identifier from 1 to 65535");
        }

        var filters = new List<string>();
        while (reader.Remaining > 0)
        {
            if (!reader.TryReadString("an UNSUBSCRIBE topic filter", out var filter, out var problem))
            {
                return MqttReadResult.Malformed(problem!);
            }

            if (MqttTopics.TopicFilterProblem(filter) is { } filterProblem)
            {
                return MqttReadResult.Malformed(filterProblem);
            }

            filters.Add(filter);
        }

        return filters.Count == 0
            ? MqttReadResult.Malformed("UNSUBSCRIBE needs at least one topic filter")
            : MqttReadResult.Read(new UnsubscribePacket(id, filters));
    }
}

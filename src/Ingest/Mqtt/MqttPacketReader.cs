using System.Buffers;

namespace Platform.Ingest.Mqtt;

/// <summary>
/// Cuts one packet off the front of the received bytes. The size limit is checked on the fixed
/// header, before the body is buffered, so a peer cannot make us hold more than the limit.
/// </summary>
public static class MqttPacketReader
{
    public static MqttReadResult TryRead(ref ReadOnlySequence<byte> buffer, int maxPacketSize)
    {
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryRead(out var header))
        {
            return MqttReadResult.Incomplete;
        }

        var type = header >> 4;
        if (type is 0 or 15)
        {
            return MqttReadResult.Malformed($"packet type {type} is reserved");
        }

        switch (RemainingLength.TryRead(ref reader, out var length))
        {
            case OperationStatus.NeedMoreData:
                return MqttReadResult.Incomplete;
            case OperationStatus.InvalidData:
                return MqttReadResult.Malformed("the remaining length runs past four bytes");
        }

        var total = reader.Consumed + length;
        if (total > maxPacketSize)
        {
            return MqttReadResult.Malformed($"a {(MqttPacketType)type} packet of {total} bytes exceeds the maximum of {maxPacketSize}");
        }

        if (reader.Remaining < length)
        {
            return MqttReadResult.Incomplete;
        }

        var body = buffer.Slice(reader.Position, length);
        var result = Decode(header, body);
        if (result.Status == MqttReadStatus.Packet)
        {
            buffer = buffer.Slice(body.End);
        }

        return result;
    }

    private static MqttReadResult Decode(byte header, ReadOnlySequence<byte> body)
    {
        if (body.IsSingleSegment)
        {
            return MqttPacketDecoder.Decode(header, body.FirstSpan);
        }

        // A packet split across pipe segments is copied once into pooled memory.
        var rented = ArrayPool<byte>.Shared.Rent((int)body.Length);
        try
        {
            body.CopyTo(rented);
            return MqttPacketDecoder.Decode(header, rented.AsSpan(0, (int)body.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}

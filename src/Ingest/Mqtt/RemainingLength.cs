using System.Buffers;

namespace Platform.Ingest.Mqtt;

/// <summary>The fixed header's variable-length integer: 7 bits a byte, at most 4 bytes.</summary>
public static class RemainingLength
{
    public const int MaxValue = 268_435_455;

    public static int SizeOf(int value) => value switch
    {
        < 0 or > MaxValue => throw new ArgumentOutOfRangeException(nameof(value), value, "MQTT packets carry at most 268,435,455 bytes."),
        < 128 => 1,
        < 16_384 => 2,
        < 2_097_152 => 3,
        _ => 4,
    };

    public static int Write(Span<byte> destination, int value)
    {
        var size = SizeOf(value);
        for (var i = 0; i < size; i++)
        {
            var digit = (byte)(value % 128);
            value /= 128;
            destination[i] = value > 0 ? (byte)(digit | 0x80) : digit;
        }

        return size;
    }

    /// <summary>NeedMoreData leaves the reader where it was, so the caller can wait for more bytes.</summary>
    public static OperationStatus TryRead(ref SequenceReader<byte> reader, out int value)
    {
        value = 0;
        var start = reader.Consumed;
        for (var shift = 0; shift < 28; shift += 7)
        {
            if (!reader.TryRead(out var digit))
            {
                reader.Rewind(reader.Consumed - start);
                return OperationStatus.NeedMoreData;
            }

            value |= (digit & 0x7F) << shift;
            if ((digit & 0x80) == 0)
            {
                return OperationStatus.Done;
            }
        }

        return OperationStatus.InvalidData;
    }
}

using System.Buffers.Binary;
using System.Text;

namespace Platform.Ingest.Mqtt;

/// <summary>Writes big-endian integers and length-prefixed strings into a span sized beforehand.</summary>
internal ref struct MqttSpanWriter(Span<byte> destination)
{
    private Span<byte> rest = destination;

    public void WriteByte(byte value)
    {
        rest[0] = value;
        rest = rest[1..];
    }

    public void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(rest, value);
        rest = rest[2..];
    }

    public void WriteRemainingLength(int value) => rest = rest[RemainingLength.Write(rest, value)..];

    public void WriteString(string value)
    {
        var length = Encoding.UTF8.GetBytes(value, rest[2..]);
        WriteUInt16((ushort)length);
        rest = rest[length..];
    }

    public void WriteBinary(ReadOnlySpan<byte> value)
    {
        WriteUInt16((ushort)value.Length);
        WriteBytes(value);
    }

    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        value.CopyTo(rest);
        rest = rest[value.Length..];
    }
}

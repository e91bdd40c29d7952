using System.Buffers.Binary;

namespace Platform.Ingest.Mqtt;

/// <summary>Reads a packet body; every read reports running out of bytes instead of throwing.</summary>
internal ref struct MqttSpanReader(ReadOnlySpan<byte> body)
{
    private ReadOnlySpan<byte> rest = body;

    public readonly int Remaining => rest.Length;

    public bool TryReadByte(out byte value)
    {
        value = 0;
        if (rest.IsEmpty)
        {
            return false;
        }

        value = rest[0];
        rest = rest[1..];
        return true;
    }

    public bool TryReadUInt16(out ushort value)
    {
        value = 0;
        if (!BinaryPrimitives.TryReadUInt16BigEndian(rest, out value))
        {
            return false;
        }

        rest = rest[2..];
        return true;
    }

    /// <summary>Two-byte length, then that many bytes (strings and the password).</summary>
    public bool TryReadBinary(out ReadOnlySpan<byte> value)
    {
        value = default;
        if (!BinaryPrimitives.TryReadUInt16BigEndian(rest, out var length) || rest.Length < 2 + length)
        {
            return false;
        }

        value = rest.Slice(2, length);
        rest = rest[(2 + length)..];
        return true;
    }

    /// <summary>A string, or the reason it is unacceptable ("... is truncated", "... contains U+0000").</summary>
    public bool TryReadString(string what, out string value, out string? problem)
    {
        value = "";
        if (!TryReadBinary(out var utf8))
        {
            problem = $"{what} is truncated";
            return false;
        }

        if (!MqttStrings.TryDecode(utf8, out value, out var why))
        {
            problem = $"{what} {why}";
            return false;
        }

        problem = null;
        return true;
    }

    public ReadOnlySpan<byte> ReadRest()
    {
        var all = rest;
        rest = default;
        return all;
    }
}

using System.Text;
using System.Text.Unicode;

namespace Platform.Ingest.Mqtt;

/// <summary>
/// The spec's UTF-8 string rules (MQTT 3.1.1 section 1.5.3): well-formed UTF-8, no U+0000, at most
/// 65,535 bytes. A peer that breaks them must be disconnected, so decoding reports rather than throws.
/// </summary>
public static class MqttStrings
{
    public const int MaxBytes = ushort.MaxValue;

    /// <summary>Why <paramref name="value"/> cannot be sent as an MQTT string, or null when it can.</summary>
    public static string? Problem(string value)
    {
        var chars = value.AsSpan();
        if (chars.Contains('\0'))
        {
            return "contains U+0000";
        }

        while (!chars.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(chars, out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return "contains an unpaired surrogate, which UTF-8 cannot encode";
            }

            chars = chars[consumed..];
        }

        return Encoding.UTF8.GetByteCount(value) > MaxBytes ? $"is longer than {MaxBytes} bytes in UTF-8" : null;
    }

    public static int ByteCount(string value) => Encoding.UTF8.GetByteCount(value);

    public static bool TryDecode(ReadOnlySpan<byte> utf8, out string value, out string? problem)
    {
        value = "";
        if (!Utf8.IsValid(utf8))
        {
            problem = "is not well-formed UTF-8";
            return false;
        }

        if (utf8.Contains((byte)0))
        {
            problem = "contains U+0000";
            return false;
        }

        value = Encoding.UTF8.GetString(utf8);
        problem = null;
        return true;
    }
}

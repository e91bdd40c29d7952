using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Platform.Api.Demo;

/// <summary>The platform's acks as a device reads them (firmware/README.md, On the wire).</summary>
internal static class DemoAcks
{
    /// <summary><c>{"boot":B,"seq":S}</c> for <paramref name="boot"/>, or a bare <c>S</c> meaning the current boot; null otherwise.</summary>
    public static long? Seq(ReadOnlySpan<byte> payload, long boot)
    {
        var text = Encoding.UTF8.GetString(payload).Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bare)) return bare;
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("boot", out var b) && b.TryGetInt64(out var ackBoot)
                   && ackBoot == boot && root.TryGetProperty("seq", out var s) && s.TryGetInt64(out var ackSeq) ? ackSeq : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

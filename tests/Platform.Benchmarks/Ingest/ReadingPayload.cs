using System.Globalization;
using System.Text;

namespace Platform.Benchmarks.Ingest;

/// <summary>
/// What a cold-room sensor sends each time, as the firmware writes it: boot, seq, the publish time
/// (Unix milliseconds) and its profile's two readings. The broker's ceiling is measured with the same bytes.
/// </summary>
internal static class ReadingPayload
{
    public static byte[] Of(long boot, long seq, long unixMilliseconds) =>
        Encoding.UTF8.GetBytes(Text(boot, seq, unixMilliseconds));

    public static string Text(long boot, long seq, long unixMilliseconds) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"boot":{{boot}},"seq":{{seq}},"ts":{{unixMilliseconds}},"readings":[{"sensor":"temperature","value":{{2 + seq % 40 * 0.0625m}},"unit":"C"},{"sensor":"door","value":{{(seq % 7 == 0 ? 1 : 0)}},"unit":"state"}]}""");
}

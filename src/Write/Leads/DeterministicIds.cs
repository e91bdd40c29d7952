using System.Security.Cryptography;
using System.Text;

namespace Platform.Write.Leads;

/// <summary>
/// Ids that the same input always gives (a webhook delivery, a referral to one tenant), so doing the
/// same thing twice lands on the same stream and the second time changes nothing. RFC 9562 version 8.
/// </summary>
public static class DeterministicIds
{
    public static Guid Of(string kind, params object[] parts)
    {
        var text = string.Join('\n', [kind, .. parts.Select(p => p is Guid g ? g.ToString("D") : p.ToString())]);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}

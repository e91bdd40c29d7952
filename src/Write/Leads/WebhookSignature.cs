using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Write.Leads;

/// <summary>
/// The inbound webhook's signature: <c>X-Hub-Signature-256: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 with the
/// tenant's secret of <c>&lt;X-Webhook-Timestamp&gt;.&lt;raw body bytes&gt;</c>. The timestamp (Unix seconds) is
/// signed too, so an old delivery cannot be replayed with a fresh one; it must be within five minutes.
/// </summary>
public static class WebhookSignature
{
    public const string Prefix = "sha256=";

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    // Verifying against this when the tenant or its secret is missing takes the time a real check takes.
    private static readonly byte[] Decoy = RandomNumberGenerator.GetBytes(32);

    public static string Sign(byte[] secret, string timestamp, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(Mac(secret, timestamp, body));

    /// <summary>True only for a well-formed signature of this body and timestamp, with a timestamp inside the window.</summary>
    public static bool Verify(byte[]? secret, string? timestamp, ReadOnlySpan<byte> body, string? signature, DateTimeOffset now)
    {
        var expected = Mac(secret ?? Decoy, timestamp ?? "", body);
        var given = Parse(signature);
        var matches = CryptographicOperations.FixedTimeEquals(expected, given ?? new byte[expected.Length]);
        return matches && secret is not null && given is not null && Fresh(timestamp, now);
    }

    private static byte[] Mac(byte[] secret, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        hmac.AppendData(Encoding.UTF8.GetBytes(timestamp + "."));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    private static byte[]? Parse(string? signature)
    {
        if (signature is null || !signature.StartsWith(Prefix, StringComparison.Ordinal) || signature.Length != Prefix.Length + 64) return null;
        try
        {
            return Convert.FromHexString(signature.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static bool Fresh(string? timestamp, DateTimeOffset now) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && seconds < 100_000_000_000
        && (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() <= Window;
}

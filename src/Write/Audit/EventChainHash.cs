using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Write.Audit;

/// <summary>
/// One link of a tenant's chain: sha256 of the previous link and the event's stored bytes, each field
/// length-prefixed. Only what an export carries is covered (not the position or transaction id, which
/// another database hands out anew), and the data as stored: erasing a person's key leaves the stored
/// ciphertext, so the chain still verifies after crypto-shredding.
/// </summary>
public static class EventChainHash
{
    public const int Size = 32;

    /// <summary>The link before a tenant's first event.</summary>
    public static byte[] Genesis => new byte[Size];

    public static byte[] Link(ReadOnlySpan<byte> previous, StoredEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(previous);
        Append(hash, e.TenantId.ToString("D"));
        Append(hash, e.StreamId);
        Append(hash, e.Version.ToString(CultureInfo.InvariantCulture));
        Append(hash, e.EventId.ToString("D"));
        Append(hash, e.Type);
        Append(hash, Timestamp(e.RecordedAt));
        Append(hash, e.Data);
        Append(hash, e.Metadata);
        return hash.GetHashAndReset();
    }

    /// <summary>Microseconds, UTC: PostgreSQL's precision, so the text is the same before and after a round trip.</summary>
    public static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static string Hex(ReadOnlySpan<byte> hash) => Convert.ToHexStringLower(hash);

    private static void Append(IncrementalHash hash, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}

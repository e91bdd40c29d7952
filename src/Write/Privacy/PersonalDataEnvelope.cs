using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Platform.Write.Privacy;

/// <summary>
/// A personal value as stored in an event: <c>{"$pd":"v1","t":tenant,"s":subject,"c":base64}</c>, where
/// c is nonce, ciphertext and tag of the value's JSON under the subject's AES-256-GCM key. The tenant,
/// subject and property name are authenticated, so a value moved to another field, subject or tenant
/// does not open.
/// </summary>
public static class PersonalDataEnvelope
{
    public const string Marker = "$pd";
    public const string Version = "v1";
    public const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeySize);

    public static JsonObject Seal(byte[] key, Guid tenantId, Guid subjectId, string field, JsonNode? value)
    {
        var plain = Encoding.UTF8.GetBytes(value?.ToJsonString() ?? "null");
        var sealedBytes = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length),
            AssociatedData(tenantId, subjectId, field));
        return new JsonObject
        {
            [Marker] = Version,
            ["t"] = tenantId.ToString("D"),
            ["s"] = subjectId.ToString("D"),
            ["c"] = Convert.ToBase64String(sealedBytes),
        };
    }

    /// <summary>True when <paramref name="node"/> is an envelope; its tenant and subject say which key opens it.</summary>
    public static bool TryRead(JsonNode? node, out Guid tenantId, out Guid subjectId, out byte[] sealedBytes)
    {
        (tenantId, subjectId, sealedBytes) = (Guid.Empty, Guid.Empty, []);
        if (node is not JsonObject envelope || envelope[Marker]?.GetValue<string>() != Version) return false;
        if (!Guid.TryParse(envelope["t"]?.GetValue<string>(), out tenantId) || !Guid.TryParse(envelope["s"]?.GetValue<string>(), out subjectId))
            throw new CryptographicException("A personal data envelope names no tenant or subject.");
        sealedBytes = Convert.FromBase64String(envelope["c"]?.GetValue<string>() ?? "");
        if (sealedBytes.Length < NonceSize + TagSize) throw new CryptographicException("A personal data envelope is truncated.");
        return true;
    }

    /// <summary>The value; throws <see cref="CryptographicException"/> when the key, tenant, subject or field is not the one it was sealed with, or a byte changed.</summary>
    public static JsonNode? Open(byte[] key, Guid tenantId, Guid subjectId, string field, byte[] sealedBytes)
    {
        var length = sealedBytes.Length - NonceSize - TagSize;
        var plain = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, length), sealedBytes.AsSpan(NonceSize + length),
            plain, AssociatedData(tenantId, subjectId, field));
        return JsonNode.Parse(plain);
    }

    private static byte[] AssociatedData(Guid tenantId, Guid subjectId, string field) =>
        Encoding.UTF8.GetBytes($"{Version}|{tenantId:D}|{subjectId:D}|{field}");
}

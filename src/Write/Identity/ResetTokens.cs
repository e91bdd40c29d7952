using System.Buffers.Text;
using System.Security.Cryptography;

namespace Platform.Write.Identity;

/// <summary>
/// A password reset token: the tenant and reset ids (to find the row without looking past
/// row-level security) and 32 random bytes, base64url. Only the secret's SHA-256 is stored; the
/// secret has 256 bits of its own, so a fast hash is enough.
/// </summary>
public static class ResetTokens
{
    private const int SecretLength = 32;
    private const int TokenBytes = 16 + 16 + SecretLength;

    public static int TokenLength { get; } = Base64Url.GetEncodedLength(TokenBytes);

    public static (string Token, byte[] SecretHash) Create(Guid tenantId, Guid resetId)
    {
        var bytes = new byte[TokenBytes];
        tenantId.TryWriteBytes(bytes.AsSpan(0, 16), bigEndian: true, out _);
        resetId.TryWriteBytes(bytes.AsSpan(16, 16), bigEndian: true, out _);
        RandomNumberGenerator.Fill(bytes.AsSpan(32));
        return (Base64Url.EncodeToString(bytes), SHA256.HashData(bytes.AsSpan(32)));
    }

    public static bool TryRead(string? token, out Guid tenantId, out Guid resetId, out byte[] secretHash)
    {
        (tenantId, resetId, secretHash) = (Guid.Empty, Guid.Empty, []);
        if (token is null || token.Length != TokenLength) return false;
        var bytes = new byte[TokenBytes];
        if (Base64Url.DecodeFromChars(token, bytes, out var consumed, out var written) != System.Buffers.OperationStatus.Done
            || consumed != token.Length || written != TokenBytes) return false;
        tenantId = new Guid(bytes.AsSpan(0, 16), bigEndian: true);
        resetId = new Guid(bytes.AsSpan(16, 16), bigEndian: true);
        secretHash = SHA256.HashData(bytes.AsSpan(32));
        return tenantId != Guid.Empty;
    }

    public static bool Matches(byte[] stored, byte[] presented) => CryptographicOperations.FixedTimeEquals(stored, presented);
}

using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Platform.Write.Tenancy;

/// <summary>
/// The one-time token of an invitation: the tenant and invitation ids (so an anonymous accept
/// knows where to look) and 32 random bytes, base64url. Only the secret's SHA-256 is stored.
/// </summary>
public sealed class InvitationToken
{
    private const int SecretLength = 32;
    private const int EncodedBytes = 16 + 16 + SecretLength;
    private readonly byte[] secret;

    private InvitationToken(Guid tenantId, Guid invitationId, byte[] secret)
    {
        TenantId = tenantId;
        InvitationId = invitationId;
        this.secret = secret;
    }

    public static TimeSpan Lifetime { get; } = TimeSpan.FromDays(7);

    public Guid TenantId { get; }

    public Guid InvitationId { get; }

    public static InvitationToken Issue(Guid tenantId) =>
        new(tenantId, Guid.CreateVersion7(), RandomNumberGenerator.GetBytes(SecretLength));

    public string Encode() => Base64Url.EncodeToString([.. TenantId.ToByteArray(), .. InvitationId.ToByteArray(), .. secret]);

    public byte[] Hash() => SHA256.HashData(secret);

    /// <summary>Compares in constant time, so the answer's timing says nothing about the stored hash.</summary>
    public bool Matches(byte[] storedHash) => CryptographicOperations.FixedTimeEquals(Hash(), storedHash);

    public static bool TryDecode(string? text, [NotNullWhen(true)] out InvitationToken? token)
    {
        token = null;
        if (string.IsNullOrEmpty(text) || text.Length > 100) return false;
        var bytes = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (Base64Url.DecodeFromChars(text, bytes, out var consumed, out var written) != System.Buffers.OperationStatus.Done
            || consumed != text.Length || written != EncodedBytes) return false;
        var tenant = new Guid(bytes.AsSpan(0, 16));
        if (tenant == Guid.Empty) return false;
        token = new InvitationToken(tenant, new Guid(bytes.AsSpan(16, 16)), bytes.AsSpan(32, SecretLength).ToArray());
        return true;
    }
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Platform.Write.Privacy;

/// <summary>Protects subjects' keys at rest: the keys table alone opens nothing.</summary>
public interface ISubjectKeyWrapper
{
    byte[] Wrap(byte[] key, Guid tenantId, Guid subjectId);

    /// <summary>Throws <see cref="CryptographicException"/> when the wrapped key is not this tenant's and subject's.</summary>
    byte[] Unwrap(byte[] wrapped, Guid tenantId, Guid subjectId);
}

/// <summary>
/// AES-256-GCM under a master key from configuration (Platform:Privacy:MasterKey, base64 of 32 bytes).
/// Keys it did not wrap (no leading 'M': made before a master key was configured) go to
/// <paramref name="previous"/>, the Data Protection wrapper.
/// </summary>
public sealed class MasterKeyWrapper : ISubjectKeyWrapper
{
    private const byte Prefix = (byte)'M';
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] master;
    private readonly ISubjectKeyWrapper? previous;

    public MasterKeyWrapper(byte[] master, ISubjectKeyWrapper? previous = null)
    {
        ArgumentNullException.ThrowIfNull(master);
        if (master.Length != 32) throw new ArgumentException("The privacy master key must be 32 bytes (base64 of 32 random bytes).", nameof(master));
        this.master = master;
        this.previous = previous;
    }

    public byte[] Wrap(byte[] key, Guid tenantId, Guid subjectId)
    {
        ArgumentNullException.ThrowIfNull(key);
        var wrapped = new byte[1 + NonceSize + key.Length + TagSize];
        wrapped[0] = Prefix;
        var body = wrapped.AsSpan(1);
        RandomNumberGenerator.Fill(body[..NonceSize]);
        using var aes = new AesGcm(master, TagSize);
        aes.Encrypt(body[..NonceSize], key, body.Slice(NonceSize, key.Length), body[(NonceSize + key.Length)..], AssociatedData(tenantId, subjectId));
        return wrapped;
    }

    public byte[] Unwrap(byte[] wrapped, Guid tenantId, Guid subjectId)
    {
        ArgumentNullException.ThrowIfNull(wrapped);
        if (wrapped.Length > 0 && wrapped[0] != Prefix && previous is not null) return previous.Unwrap(wrapped, tenantId, subjectId);
        if (wrapped.Length <= 1 + NonceSize + TagSize || wrapped[0] != Prefix) throw new CryptographicException("Not a subject key wrapped by the master key.");
        var body = wrapped.AsSpan(1);
        var key = new byte[body.Length - NonceSize - TagSize];
        using var aes = new AesGcm(master, TagSize);
        aes.Decrypt(body[..NonceSize], body.Slice(NonceSize, key.Length), body[(NonceSize + key.Length)..], key, AssociatedData(tenantId, subjectId));
        return key;
    }

    private static byte[] AssociatedData(Guid tenantId, Guid subjectId) => Encoding.UTF8.GetBytes($"subject-key|{tenantId:D}|{subjectId:D}");
}

/// <summary>Without a configured master key: the Data Protection key ring (kept in PostgreSQL) wraps the keys.</summary>
public sealed class DataProtectionKeyWrapper(IDataProtectionProvider provider) : ISubjectKeyWrapper
{
    private const string Purpose = "Platform.Privacy.SubjectKey";

    public byte[] Wrap(byte[] key, Guid tenantId, Guid subjectId) => Protector(tenantId, subjectId).Protect(key);

    public byte[] Unwrap(byte[] wrapped, Guid tenantId, Guid subjectId) => Protector(tenantId, subjectId).Unprotect(wrapped);

    private IDataProtector Protector(Guid tenantId, Guid subjectId) =>
        provider.CreateProtector(Purpose, tenantId.ToString("D"), subjectId.ToString("D"));
}

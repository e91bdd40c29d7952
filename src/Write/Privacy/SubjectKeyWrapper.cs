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

/// <summary>AES-256-GCM under a master key from configuration (Platform:Privacy:MasterKey, base64 of 32 bytes).</summary>
public sealed class MasterKeyWrapper : ISubjectKeyWrapper
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] master;

    public MasterKeyWrapper(byte[] master)
    {
        ArgumentNullException.ThrowIfNull(master);
        if (master.Length != 32) throw new ArgumentException("The privacy master key must be 32 bytes (base64 of 32 random bytes).", nameof(master));
        this.master = master;
    }

    public byte[] Wrap(byte[] key, Guid tenantId, Guid subjectId)
    {
        ArgumentNullException.ThrowIfNull(key);
        var wrapped = new byte[NonceSize + key.Length + TagSize];
        RandomNumberGenerator.Fill(wrapped.AsSpan(0, NonceSize));
        using var aes = new AesGcm(master, TagSize);
        aes.Encrypt(wrapped.AsSpan(0, NonceSize), key, wrapped.AsSpan(NonceSize, key.Length), wrapped.AsSpan(NonceSize + key.Length),
            AssociatedData(tenantId, subjectId));
        return wrapped;
    }

    public byte[] Unwrap(byte[] wrapped, Guid tenantId, Guid subjectId)
    {
        ArgumentNullException.ThrowIfNull(wrapped);
        if (wrapped.Length <= NonceSize + TagSize) throw new CryptographicException("A wrapped subject key is truncated.");
        var key = new byte[wrapped.Length - NonceSize - TagSize];
        using var aes = new AesGcm(master, TagSize);
        aes.Decrypt(wrapped.AsSpan(0, NonceSize), wrapped.AsSpan(NonceSize, key.Length), wrapped.AsSpan(NonceSize + key.Length), key,
            AssociatedData(tenantId, subjectId));
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

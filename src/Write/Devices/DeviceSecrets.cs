using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Write.Devices;

/// <summary>
/// A device's secret, and its hash in mosquitto's own password-file format
/// (<c>$7$iterations$salt$hash</c>, PBKDF2-SHA512): the broker's password file is written from the
/// stored hashes, and the HTTP fallback checks a device against the same hash. The secrets are 192
/// random bits, so key stretching adds nothing; the broker checks every connected device again at
/// each reload, so the iteration count stays at mosquitto_passwd's own (101).
/// </summary>
public static class DeviceSecrets
{
    public const int Iterations = 101;
    private const int SaltBytes = 12;
    private const int HashBytes = 64;

    public static string Generate() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));

    public static string Hash(string secret) => Hash(secret, RandomNumberGenerator.GetBytes(SaltBytes));

    /// <summary>A fixed salt only for service accounts whose line must come out the same in every process.</summary>
    public static string Hash(string secret, byte[] salt)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(salt);
        if (salt.Length != SaltBytes) throw new ArgumentException($"mosquitto reads {SaltBytes}-byte salts only.", nameof(salt));
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, Iterations, HashAlgorithmName.SHA512, HashBytes);
        return string.Create(CultureInfo.InvariantCulture, $"$7${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    public static bool Verify(string? secret, string? stored)
    {
        if (secret is null || stored is null) return false;
        var parts = stored.Split('$');
        if (parts.Length != 5 || parts[1] != "7" || !int.TryParse(parts[2], CultureInfo.InvariantCulture, out var iterations)
            || iterations is < 1 or > 1_000_000)
            return false;
        try
        {
            var salt = Convert.FromBase64String(parts[3]);
            var expected = Convert.FromBase64String(parts[4]);
            var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, iterations, HashAlgorithmName.SHA512, expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

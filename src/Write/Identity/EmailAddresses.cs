using System.Security.Cryptography;
using System.Text;
using Platform.Write.Tenancy;

namespace Platform.Write.Identity;

/// <summary>One account per address: every comparison uses the trimmed, lower-case form.</summary>
public static class EmailAddresses
{
    public const int MaxLength = TenancyRules.MaxEmailLength;

    public static string Normalize(string? email) => TenancyRules.NormalizeEmail(email ?? "");

    /// <summary>One @ with something on each side, a dot in the domain, no spaces: delivery is the real test.</summary>
    public static bool IsShaped(string normalized)
    {
        var at = normalized.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != normalized.LastIndexOf('@') || at == normalized.Length - 1) return false;
        var domain = normalized[(at + 1)..];
        return !normalized.Any(char.IsWhiteSpace) && !normalized.Any(char.IsControl)
            && domain.Contains('.', StringComparison.Ordinal) && !domain.StartsWith('.') && !domain.EndsWith('.');
    }

    /// <summary>The key of the address in the sign-in throttle; the table never holds addresses.</summary>
    public static byte[] ThrottleKey(string normalized) => SHA256.HashData(Encoding.UTF8.GetBytes(normalized));
}

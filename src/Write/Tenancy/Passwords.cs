using Microsoft.AspNetCore.Identity;

namespace Platform.Write.Tenancy;

/// <summary>
/// Password hashing for every account: PBKDF2-HMAC-SHA512 (ASP.NET Core Identity's format V3)
/// with 210,000 iterations. A check with no account behind it still hashes, so a sign-in for an
/// unknown address takes as long as a wrong password.
/// </summary>
public static class Passwords
{
    public const int Iterations = 210_000;
    public const int MinLength = 10;
    public const int MaxLength = 128;

    private static readonly PasswordHasher<object> Hasher =
        new(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = Iterations }));

    private static readonly Lazy<string> DecoyHash = new(() => Hasher.HashPassword(new object(), Guid.NewGuid().ToString("N")));

    public static string Hash(string password) => Hasher.HashPassword(new object(), password);

    /// <summary>True when <paramref name="password"/> matches; with no hash, checks a decoy and answers false.</summary>
    public static bool Verify(string? hash, string password)
    {
        var result = Hasher.VerifyHashedPassword(new object(), hash ?? DecoyHash.Value, password);
        return hash is not null && result != PasswordVerificationResult.Failed;
    }
}

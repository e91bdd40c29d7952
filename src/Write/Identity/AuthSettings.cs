namespace Platform.Write.Identity;

/// <summary>Token lifetimes and sign-in limits, bound from <c>Platform:Auth</c> (tests shorten them).</summary>
public sealed class AuthSettings
{
    public const string Section = "Platform:Auth";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a refresh token, and the session behind it, lives after its last refresh.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Sign-in attempts one address (an account) may make per <see cref="LoginAttemptWindow"/>, on every instance together.</summary>
    public int LoginAttemptsPerAccount { get; set; } = 5;

    /// <summary>Failed sign-ins one client address may make per <see cref="LoginAttemptWindow"/>, per instance.</summary>
    public int LoginAttemptsPerAddress { get; set; } = 30;

    public TimeSpan LoginAttemptWindow { get; set; } = TimeSpan.FromMinutes(15);
}

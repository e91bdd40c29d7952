using Microsoft.Extensions.Options;
using Platform.Write.Tenancy;

namespace Platform.Write.Identity;

/// <summary>
/// Sign-in limits: per client address (in memory) and per account (in PostgreSQL, so every
/// instance counts together). The account's count is keyed by the address typed, whether or not
/// an account has it, so a throttled answer cannot tell the two apart.
/// </summary>
public sealed class LoginThrottle(TenantDatabase database, AddressThrottle addresses, IOptions<AuthSettings> settings)
{
    /// <summary>Counts the attempt; null when it may go ahead, otherwise how long to wait.</summary>
    public async Task<TimeSpan?> AdmitAsync(string normalizedEmail, string? clientAddress, CancellationToken ct)
    {
        if (addresses.RetryAfter(clientAddress) is { } wait) return wait;
        await using var command = database.DataSource.CreateCommand("select login_attempt($1, $2, $3)");
        command.Parameters.Add(new() { Value = EmailAddresses.ThrottleKey(normalizedEmail) });
        command.Parameters.Add(new() { Value = settings.Value.LoginAttemptsPerAccount });
        command.Parameters.Add(new() { Value = settings.Value.LoginAttemptWindow });
        var seconds = (int)(await command.ExecuteScalarAsync(ct))!;
        return seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;
    }

    public void Failed(string? clientAddress) => addresses.Failed(clientAddress);

    /// <summary>The account proved its password (or reset it): its count starts again.</summary>
    public async Task SucceededAsync(string normalizedEmail, CancellationToken ct)
    {
        await using var command = database.DataSource.CreateCommand("select login_succeeded($1)");
        command.Parameters.Add(new() { Value = EmailAddresses.ThrottleKey(normalizedEmail) });
        await command.ExecuteNonQueryAsync(ct);
    }
}

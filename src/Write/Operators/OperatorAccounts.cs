using Npgsql;
using Platform.Write.Identity;
using Platform.Write.Tenancy;

namespace Platform.Write.Operators;

/// <summary>An operator account as the tool lists it; the password hash never leaves this class.</summary>
public sealed record OperatorAccount(Guid OperatorId, string Email, bool Active, DateTimeOffset CreatedAt, DateTimeOffset? DeactivatedAt);

/// <summary>
/// Creates, lists and deactivates the platform's operators, on the system connection (the tables
/// have no grant for the application role). Only the command-line tool and the start-up bootstrap
/// call these: no endpoint creates an operator.
/// </summary>
public sealed class OperatorAccounts(NpgsqlDataSource system, TimeProvider time)
{
    /// <summary>The new operator, or null when the address already has one.</summary>
    public async Task<OperatorAccount?> AddAsync(string email, string password, CancellationToken ct = default)
    {
        var normalized = EmailAddresses.Normalize(email);
        if (normalized.Length > EmailAddresses.MaxLength || !EmailAddresses.IsShaped(normalized))
            throw new ArgumentException("El correo no tiene un formato válido.", nameof(email));
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length is < Passwords.MinLength or > Passwords.MaxLength)
            throw new ArgumentException($"La contraseña debe tener entre {Passwords.MinLength} y {Passwords.MaxLength} caracteres.", nameof(password));

        var account = new OperatorAccount(Guid.CreateVersion7(), normalized, true, time.GetUtcNow(), null);
        await using var command = system.CreateCommand("""
            insert into platform_operators (operator_id, email, password_hash, active, security_stamp, created_at)
            values ($1, $2, $3, true, $4, $5) on conflict (email) do nothing
            """);
        command.Parameters.Add(new() { Value = account.OperatorId });
        command.Parameters.Add(new() { Value = normalized });
        command.Parameters.Add(new() { Value = Passwords.Hash(password) });
        command.Parameters.Add(new() { Value = Guid.CreateVersion7() });
        command.Parameters.Add(new() { Value = account.CreatedAt });
        return await command.ExecuteNonQueryAsync(ct) == 1 ? account : null;
    }

    public async Task<IReadOnlyList<OperatorAccount>> ListAsync(CancellationToken ct = default)
    {
        await using var command = system.CreateCommand(
            "select operator_id, email, active, created_at, deactivated_at from platform_operators order by created_at, operator_id");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var accounts = new List<OperatorAccount>();
        while (await reader.ReadAsync(ct))
            accounts.Add(new OperatorAccount(reader.GetGuid(0), reader.GetString(1), reader.GetBoolean(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4)));
        return accounts;
    }

    /// <summary>
    /// False when no active operator has the address. Deactivating changes the security stamp and
    /// revokes every session in the same transaction, so the operator's tokens stop at once.
    /// </summary>
    public async Task<bool> DeactivateAsync(string email, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var command = system.CreateCommand("""
            with deactivated as (
                update platform_operators set active = false, deactivated_at = $2, security_stamp = $3
                 where email = $1 and active
                returning operator_id),
            revoked as (
                update platform_operator_sessions s set revoked_at = $2, revoked_reason = 'operator-deactivated'
                  from deactivated d where s.operator_id = d.operator_id and s.revoked_at is null)
            select count(*) from deactivated
            """);
        command.Parameters.Add(new() { Value = EmailAddresses.Normalize(email) });
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = Guid.CreateVersion7() });
        return (long)(await command.ExecuteScalarAsync(ct))! > 0;
    }

    /// <summary>The account behind an address for sign-in: id, hash and whether it is active.</summary>
    internal async Task<(Guid OperatorId, string PasswordHash, bool Active)?> FindAsync(string normalizedEmail, CancellationToken ct)
    {
        await using var command = system.CreateCommand("select operator_id, password_hash, active from platform_operators where email = $1");
        command.Parameters.Add(new() { Value = normalizedEmail });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return (reader.GetGuid(0), reader.GetString(1), reader.GetBoolean(2));
    }
}

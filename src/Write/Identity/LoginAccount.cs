using Platform.Write.Tenancy;

namespace Platform.Write.Identity;

/// <summary>An account found by its address, across tenants, through the one function that may look past row-level security.</summary>
internal sealed record LoginAccount(Guid TenantId, Guid UserId, string? PasswordHash, string UserStatus, string TenantStatus)
{
    public bool UserActive => UserStatus == UserStatuses.Active;

    public static async Task<LoginAccount?> FindAsync(TenantDatabase database, string normalizedEmail, CancellationToken ct)
    {
        await using var command = database.DataSource.CreateCommand(
            "select tenant_id, user_id, password_hash, user_status, tenant_status from find_login($1)");
        command.Parameters.Add(new() { Value = normalizedEmail });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new LoginAccount(reader.GetGuid(0), reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.GetString(3), reader.GetString(4));
    }
}

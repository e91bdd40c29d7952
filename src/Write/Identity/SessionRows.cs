using Platform.Write.Tenancy;

namespace Platform.Write.Identity;

/// <summary>Starts and ends sessions; a session starts inside the caller's tenant transaction.</summary>
internal static class SessionRows
{
    /// <summary>The new session, or null when the user is not (or no longer) active.</summary>
    public static async Task<SignedIn?> StartAsync(
        TenantTransaction tx, Guid userId, ClientInfo client, DateTimeOffset now, TimeSpan lifetime, CancellationToken ct)
    {
        var sessionId = Guid.CreateVersion7();
        await using var command = tx.Command("""
            with member as (
                select u.user_id, u.role, u.security_stamp, t.status as tenant_status
                  from users u join tenants t on t.tenant_id = u.tenant_id
                 where u.tenant_id = $1 and u.user_id = $2 and u.status = 'active'),
            started as (
                insert into sessions (tenant_id, session_id, user_id, security_stamp, created_at, refreshed_at, expires_at,
                                      client_address, user_agent)
                select $1, $3, user_id, security_stamp, $4, $4, $5, $6, $7 from member
                returning refresh_generation)
            select m.role, m.tenant_status, s.refresh_generation from member m cross join started s
            """);
        command.Parameters.Add(new() { Value = tx.TenantId });
        command.Parameters.Add(new() { Value = userId });
        command.Parameters.Add(new() { Value = sessionId });
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = now + lifetime });
        command.Parameters.Add(new() { Value = (object?)client.Address ?? DBNull.Value });
        command.Parameters.Add(new() { Value = (object?)client.UserAgent ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new SignedIn(tx.TenantId, userId, reader.GetString(0), sessionId, reader.GetInt32(2), reader.GetString(1) == TenantStatuses.Active);
    }

    /// <summary>False when the user has no such session. Revoking a revoked session again keeps the first reason.</summary>
    public static async Task<bool> RevokeAsync(
        TenantDatabase database, Guid tenantId, Guid userId, Guid sessionId, string reason, DateTimeOffset now, CancellationToken ct)
    {
        await using var tx = await database.BeginAsync(tenantId, ct);
        await using var command = tx.Command("""
            update sessions set revoked_at = coalesce(revoked_at, $4), revoked_reason = coalesce(revoked_reason, $5)
             where tenant_id = $1 and user_id = $2 and session_id = $3
            """);
        command.Parameters.Add(new() { Value = tenantId });
        command.Parameters.Add(new() { Value = userId });
        command.Parameters.Add(new() { Value = sessionId });
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = reason });
        var found = await command.ExecuteNonQueryAsync(ct) > 0;
        await tx.CommitAsync(ct);
        return found;
    }
}

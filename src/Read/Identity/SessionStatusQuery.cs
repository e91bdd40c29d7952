using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Read.Tenancy;

namespace Platform.Read.Identity;

/// <summary>What a live session's user may do now: the role held today and whether the tenant is active.</summary>
public sealed record SessionStatus(string Role, bool TenantActive);

/// <summary>
/// The check every authenticated request makes: the session is neither revoked nor expired, the
/// user is active and has not changed password since, and the current role and tenant status.
/// </summary>
public sealed class SessionStatusQuery([FromKeyedServices(TenantReads.ServiceKey)] NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>Null when the session no longer stands.</summary>
    public async Task<SessionStatus?> CheckAsync(Guid tenantId, Guid userId, Guid sessionId, CancellationToken ct = default)
    {
        // One round trip: a batch outside a transaction runs as one implicit transaction, so the
        // transaction-local tenant setting holds for the query and is gone when the batch ends.
        await using var batch = dataSource.CreateBatch();
        var setTenant = new NpgsqlBatchCommand("select set_config('platform.tenant_id', $1, true)");
        setTenant.Parameters.Add(new() { Value = tenantId.ToString("D") });
        var check = new NpgsqlBatchCommand("""
            select u.role, t.status
              from sessions s
              join users u on u.tenant_id = s.tenant_id and u.user_id = s.user_id
              join tenants t on t.tenant_id = s.tenant_id
             where s.tenant_id = $1 and s.session_id = $2 and s.user_id = $3
               and s.revoked_at is null and s.expires_at > $4
               and u.status = 'active' and u.security_stamp = s.security_stamp
            """);
        check.Parameters.Add(new() { Value = tenantId });
        check.Parameters.Add(new() { Value = sessionId });
        check.Parameters.Add(new() { Value = userId });
        check.Parameters.Add(new() { Value = time.GetUtcNow() });
        batch.BatchCommands.Add(setTenant);
        batch.BatchCommands.Add(check);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new SessionStatus(reader.GetString(0), reader.GetString(1) == "active");
    }
}

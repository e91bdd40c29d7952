namespace Platform.Write.Tenancy;

/// <summary>
/// The tenants and users rows mirror their streams' state, written after the append in the same
/// transaction; <c>version</c> is always the stream's version, so reads can answer with an ETag.
/// </summary>
internal static class TenancyRows
{
    public static async Task UpdateTenantAsync(TenantTransaction tx, TenantState state, long version, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await tx.ExecuteAsync("""
            update tenants set name = $2, country = $3, time_zone = $4, currency = $5, industry = $6, plan = $7,
                   status = $8, version = $9, updated_at = $10
             where tenant_id = $1
            """, ct, tx.TenantId, state.Profile.Name, state.Profile.Country, state.Profile.TimeZone, state.Profile.Currency,
            state.Profile.Industry, state.Plan, state.Status, version, now);
        TenancySql.EnsureOne(rows, "tenants");
    }

    public static async Task InsertInvitedUserAsync(TenantTransaction tx, UserState state, long version, DateTimeOffset now, CancellationToken ct) =>
        await tx.ExecuteAsync("""
            insert into users (tenant_id, user_id, email, display_name, role, status, password_hash, security_stamp, version, created_at, updated_at)
            values ($1, $2, $3, $4, $5, $6, null, $7, $8, $9, $9)
            """, ct, tx.TenantId, state.UserId, state.Email, state.DisplayName, state.Role, state.Status, Guid.NewGuid(), version, now);

    /// <param name="passwordHash">A new password hash, or null to keep the current one.</param>
    /// <param name="endSessions">Replace the security stamp, so no token issued before this change works.</param>
    public static async Task UpdateUserAsync(
        TenantTransaction tx, UserState state, long version, DateTimeOffset now, CancellationToken ct,
        string? passwordHash = null, bool endSessions = false)
    {
        var rows = await tx.ExecuteAsync("""
            update users set display_name = $3, role = $4, status = $5, version = $6, updated_at = $7,
                   password_hash = coalesce($8::text, password_hash),
                   security_stamp = case when $9 then gen_random_uuid() else security_stamp end
             where tenant_id = $1 and user_id = $2
            """, ct, tx.TenantId, state.UserId, state.DisplayName, state.Role, state.Status, version, now, passwordHash, endSessions);
        TenancySql.EnsureOne(rows, "users");
    }
}

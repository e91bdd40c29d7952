namespace Platform.Write.Tenancy;

/// <summary>
/// Counts that decisions about users depend on (seats taken, active owners, the plan). They are
/// read before the append, so two invitations or two demotions at once could each see room for
/// one more: every such command takes the tenant's membership lock first and they take turns.
/// </summary>
internal static class Membership
{
    public sealed record TenantRow(string Name, string Plan, string Status);

    /// <summary>An advisory lock assigns no transaction id, so the append can still be the first write.</summary>
    public static Task LockAsync(TenantTransaction tx, CancellationToken ct) =>
        tx.ExecuteAsync("select pg_advisory_xact_lock(hashtextextended('tenancy-membership/' || $1::text, 0))", ct, tx.TenantId);

    public static async Task<TenantRow> TenantAsync(TenantTransaction tx, CancellationToken ct)
    {
        await using var command = tx.Command("select name, plan, status from tenants where tenant_id = $1", tx.TenantId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) throw new Domain.NotFoundException("la empresa");
        return new TenantRow(reader.GetString(0), reader.GetString(1), reader.GetString(2));
    }

    /// <summary>
    /// The acting user with the role they hold now, not the one their token was issued with: a
    /// demoted owner must not grant ownership with an older token.
    /// </summary>
    public static async Task<Actor> ActorAsync(TenantTransaction tx, Guid userId, CancellationToken ct)
    {
        await using var command = tx.Command("select role from users where tenant_id = $1 and user_id = $2 and status = 'active'", tx.TenantId, userId);
        return await command.ExecuteScalarAsync(ct) is string role ? new Actor(userId, role) : throw new Domain.AccessDeniedException();
    }

    public static Task<long> SeatsTakenAsync(TenantTransaction tx, CancellationToken ct) =>
        tx.ScalarAsync<long>("select count(*) from users where tenant_id = $1 and status in ('active', 'invited')", ct, tx.TenantId);

    public static Task<long> ActiveOwnersAsync(TenantTransaction tx, CancellationToken ct) =>
        tx.ScalarAsync<long>("select count(*) from users where tenant_id = $1 and role = 'owner' and status = 'active'", ct, tx.TenantId);

    /// <summary>What the tenant holds per plan resource. Catalog and leads add their counts here when they exist.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> UsageAsync(TenantTransaction tx, CancellationToken ct) =>
        new Dictionary<string, long>
        {
            [PlanResources.Users] = await SeatsTakenAsync(tx, ct),
            [PlanResources.Devices] = await tx.ScalarAsync<long>("select count(*) from devices where tenant_id = $1 and status = 'active'", ct, tx.TenantId),
        };
}

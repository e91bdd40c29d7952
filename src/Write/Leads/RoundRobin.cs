using Platform.Write.Domain;
using Platform.Write.Tenancy;

namespace Platform.Write.Leads;

/// <summary>
/// Hands new leads to the tenant's active sales users in turn. Two leads arriving at once must not
/// both go to the same person: the choice is made under the tenant's rotation lock, held until commit,
/// and the rotation row is written in the same transaction as the assignment.
/// </summary>
public static class RoundRobin
{
    public static Task LockAsync(TenantTransaction tx, CancellationToken ct) =>
        tx.ExecuteAsync("select pg_advisory_xact_lock(hashtextextended('lead-rotation/' || $1::text, 0))", ct, tx.TenantId);

    /// <summary>The next active sales user after the last one that got a lead, or null when the tenant has none. Takes the lock.</summary>
    public static async Task<Guid?> NextAsync(TenantTransaction tx, CancellationToken ct)
    {
        await LockAsync(tx, ct);
        await using var command = tx.Command("""
            with last as (select last_user_id from lead_assignment_rotation where tenant_id = $1),
                 sales as (select user_id from users where tenant_id = $1 and role = 'sales' and status = 'active')
            select coalesce(
                (select user_id from sales where user_id > (select last_user_id from last) order by user_id limit 1),
                (select user_id from sales order by user_id limit 1))
            """, tx.TenantId);
        return await command.ExecuteScalarAsync(ct) is Guid next ? next : null;
    }

    /// <summary>After the append: the rotation moves on to <paramref name="userId"/>.</summary>
    public static Task SaveAsync(TenantTransaction tx, Guid userId, DateTimeOffset now, CancellationToken ct) =>
        tx.ExecuteAsync("""
            insert into lead_assignment_rotation (tenant_id, last_user_id, updated_at) values ($1, $2, $3)
            on conflict (tenant_id) do update set last_user_id = excluded.last_user_id, updated_at = excluded.updated_at
            """, ct, tx.TenantId, userId, now);

    /// <summary>A lead can be given by hand to an active owner, admin or sales user of the tenant; anyone else is "assigneeId".</summary>
    public static async Task EnsureAssignableAsync(TenantTransaction tx, Guid userId, CancellationToken ct)
    {
        var found = await tx.ScalarAsync<long>(
            "select count(*) from users where tenant_id = $1 and user_id = $2 and status = 'active' and role in ('owner', 'admin', 'sales')", ct,
            tx.TenantId, userId);
        if (found == 0)
        {
            var error = new DomainException("assignee-not-found", "Esa persona no es un usuario activo de ventas de la empresa.");
            error.Details["field"] = "userId";
            throw error;
        }
    }
}

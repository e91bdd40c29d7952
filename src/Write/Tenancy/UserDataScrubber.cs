using Platform.Write.Domain;
using Platform.Write.Privacy;

namespace Platform.Write.Tenancy;

/// <summary>
/// A forgotten user's row keeps its id, role and status but no address or name; its sessions lose
/// their client details; pending invitations, resets and outbox messages go. Only a deactivated user
/// can be forgotten: an active or invited one still signs in (or will) with that address.
/// </summary>
public sealed class UserDataScrubber : IPersonalDataScrubber
{
    public async Task ScrubAsync(TenantTransaction tx, IReadOnlyList<Guid> subjectIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var ids = subjectIds.ToArray();
        var live = await tx.ScalarAsync<long>(
            "select count(*) from users where tenant_id = $1 and user_id = any($2) and status <> $3", ct, tx.TenantId, ids, UserStatuses.Deactivated);
        if (live > 0)
            throw new ConflictException("user-not-deactivated", "Desactiva al usuario antes de olvidar sus datos personales.");
        // Messages name the person by address (resets) or by id (invitations); before the address goes.
        await tx.ExecuteAsync("""
            delete from outbox o where o.tenant_id = $1
               and (o.payload->>'userId' = any($3) or o.recipient in (select u.email from users u where u.tenant_id = $1 and u.user_id = any($2)))
            """, ct, tx.TenantId, ids, ids.Select(i => i.ToString("D")).ToArray());
        await tx.ExecuteAsync("""
            update users set email = 'olvidado-' || user_id || '@borrado.invalid', display_name = $3, updated_at = now()
             where tenant_id = $1 and user_id = any($2)
            """, ct, tx.TenantId, ids, PersonalDataShape.Erased);
        await tx.ExecuteAsync(
            "update sessions set client_address = null, user_agent = null where tenant_id = $1 and user_id = any($2)", ct, tx.TenantId, ids);
        await tx.ExecuteAsync("delete from invitations where tenant_id = $1 and user_id = any($2)", ct, tx.TenantId, ids);
        await tx.ExecuteAsync("delete from password_resets where tenant_id = $1 and user_id = any($2)", ct, tx.TenantId, ids);
    }
}

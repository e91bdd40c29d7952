using Platform.Write.Privacy;
using Platform.Write.Tenancy;

namespace Platform.Write.Customers;

/// <summary>
/// A forgotten customer's row keeps its id, source, counts and dates but no name, phone, e-mail,
/// address, notes or custom field values; its phones and e-mails leave customer_contacts, so a new
/// request from that number or address makes a new customer. Its interactions lose their notes and
/// its import row reports (which may quote a phone or e-mail) lose their reason.
/// </summary>
public sealed class CustomerDataScrubber : IPersonalDataScrubber
{
    public async Task ScrubAsync(TenantTransaction tx, IReadOnlyList<Guid> subjectIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var ids = subjectIds.ToArray();
        await tx.ExecuteAsync("delete from customer_contacts where tenant_id = $1 and customer_id = any($2)", ct, tx.TenantId, ids);
        await tx.ExecuteAsync("""
            update customers set name = $3, phones = '{}', emails = '{}', address = null, notes = null, fields = '{}', search = $3, updated_at = now()
             where tenant_id = $1 and customer_id = any($2)
            """, ct, tx.TenantId, ids, PersonalDataShape.Erased);
        await tx.ExecuteAsync(
            "update customer_interactions set notes = null where tenant_id = $1 and customer_id = any($2) and notes is not null", ct, tx.TenantId, ids);
        await tx.ExecuteAsync(
            "update customer_import_rows set reason = $3 where tenant_id = $1 and customer_id = any($2) and reason is not null",
            ct, tx.TenantId, ids, PersonalDataShape.Erased);
    }
}

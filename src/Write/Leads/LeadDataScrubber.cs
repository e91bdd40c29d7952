using Platform.Write.Privacy;
using Platform.Write.Tenancy;

namespace Platform.Write.Leads;

/// <summary>
/// The leads of a forgotten customer (and a forgotten lead or quote itself: a quote's lead takes its id)
/// keep their status, score, assignment and clocks but not the contact snapshot or the message.
/// </summary>
public sealed class LeadDataScrubber : IPersonalDataScrubber
{
    public Task ScrubAsync(TenantTransaction tx, IReadOnlyList<Guid> subjectIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var ids = subjectIds.ToArray();
        return tx.ExecuteAsync("""
            update leads set name = $3, phone = null, email = null, message = null, updated_at = now()
             where tenant_id = $1 and (customer_id = any($2) or lead_id = any($2))
            """, ct, tx.TenantId, ids, PersonalDataShape.Erased);
    }
}

using Platform.Write.Tenancy;

namespace Platform.Write.Privacy;

/// <summary>
/// Ties subjects to the person they belong to: forgetting <c>subjectId</c> forgets every subject
/// linked to it, transitively (a customer, the leads it came from, the quotes they came from).
/// </summary>
public static class SubjectLinks
{
    /// <summary>Call in the transaction that ties them (a lead made from a quote, a customer from a lead); idempotent.</summary>
    public static Task LinkAsync(this TenantTransaction tx, Guid subjectId, Guid linkedSubjectId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        if (subjectId == linkedSubjectId) return Task.CompletedTask;
        return tx.ExecuteAsync("""
            insert into subject_links (tenant_id, subject_id, linked_subject_id) values ($1, $2, $3)
            on conflict do nothing
            """, ct, tx.TenantId, subjectId, linkedSubjectId);
    }

    /// <summary>The subject and everything linked to it; empty when the tenant knows no such subject (no key, no link).</summary>
    public static async Task<IReadOnlyList<Guid>> ClosureAsync(this TenantTransaction tx, Guid subjectId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        await using var command = tx.Command("""
            with recursive closure(id) as (
                select $2::uuid
                union
                select l.linked_subject_id from subject_links l join closure c on l.subject_id = c.id where l.tenant_id = $1
            )
            select id from closure
             where exists (select from subject_keys k where k.tenant_id = $1 and k.subject_id = $2)
                or exists (select from subject_links l where l.tenant_id = $1 and (l.subject_id = $2 or l.linked_subject_id = $2))
            """, tx.TenantId, subjectId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var ids = new List<Guid>();
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetGuid(0));
        return ids;
    }
}

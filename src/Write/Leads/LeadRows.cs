using System.Text.Json;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Leads;

/// <summary>The leads row of a lead, kept equal to its stream: each appended event updates what it changes.</summary>
public static class LeadRows
{
    public static async Task ApplyAsync(TenantTransaction tx, IEnumerable<object> events, long version, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(events);
        Guid? leadId = null;
        foreach (var e in events)
        {
            leadId = await ApplyAsync(tx, e, now, ct) ?? leadId;
        }
        if (leadId is { } id)
            TenancySql.EnsureOne(await tx.ExecuteAsync(
                "update leads set version = $3, updated_at = $4 where tenant_id = $1 and lead_id = $2", ct, tx.TenantId, id, version, now), "lead");
    }

    private static async Task<Guid?> ApplyAsync(TenantTransaction tx, object e, DateTimeOffset now, CancellationToken ct)
    {
        switch (e)
        {
            case LeadCreated c:
                await tx.ExecuteAsync("""
                    insert into leads (tenant_id, lead_id, customer_id, source, campaign, listing_id, name, phone, email, message, budget, timeline,
                                       status, referral_id, version, created_at, updated_at)
                    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'new', $13, 0, $14, $15)
                    """, ct, tx.TenantId, c.LeadId, c.CustomerId, c.Source, c.Campaign, c.ListingId, c.Name, c.Phone, c.Email, c.Message,
                    c.Budget, c.Timeline, c.ReferralId, c.ReceivedAt, now);
                return c.LeadId;
            case LeadAssigned a:
                await Update(tx, "assignee_id = $3", a.LeadId, ct, a.UserId);
                return a.LeadId;
            case LeadContacted c:
                await Update(tx, """
                    contacts = contacts + 1, status = case when status = 'new' then 'contacted' else status end,
                    first_contacted_at = coalesce(first_contacted_at, $3), first_contacted_by = coalesce(first_contacted_by, $4),
                    response_seconds = coalesce(response_seconds, $5)
                    """, c.LeadId, ct, c.ContactedAt, c.UserId, c.ResponseSeconds);
                return c.LeadId;
            case LeadQualified q:
                await Update(tx, "status = 'qualified'", q.LeadId, ct);
                return q.LeadId;
            case LeadDisqualified d:
                await Update(tx, "status = 'disqualified', disqualify_reason = $3", d.LeadId, ct, d.Reason);
                return d.LeadId;
            case LeadConverted c:
                await Update(tx, "status = 'converted', opportunity_id = $3", c.LeadId, ct, c.OpportunityId);
                return c.LeadId;
            case LeadScored s:
                await Update(tx, "score = $3, band = $4, reasons = $5::jsonb", s.LeadId, ct, s.Score, s.Band,
                    JsonSerializer.Serialize(s.Reasons, EventSerializer.Json));
                return s.LeadId;
            case LeadReferred r:
                return r.LeadId;
            case ReferralOutcomeReported o:
                await tx.ExecuteAsync("update lead_referrals set outcome = $3, amount = $4, updated_at = $5 where tenant_id = $1 and referral_id = $2",
                    ct, tx.TenantId, o.ReferralId, o.Outcome, o.Amount, now);
                return o.LeadId;
            default:
                return null;
        }
    }

    private static Task<int> Update(TenantTransaction tx, string set, Guid leadId, CancellationToken ct, params object?[] values) =>
        tx.ExecuteAsync($"update leads set {set} where tenant_id = $1 and lead_id = $2", ct, [tx.TenantId, leadId, .. values]);

    /// <summary>The customer's leads before this one: repeat requests count as engagement.</summary>
    public static async Task<int> PreviousRequestsAsync(TenantTransaction tx, Guid customerId, Guid leadId, CancellationToken ct) =>
        (int)await tx.ScalarAsync<long>("select count(*) from leads where tenant_id = $1 and customer_id = $2 and lead_id <> $3", ct,
            tx.TenantId, customerId, leadId);

    /// <summary>The listing's price, or null when the tenant has no such listing.</summary>
    public static async Task<decimal?> ListingPriceAsync(TenantTransaction tx, Guid listingId, CancellationToken ct)
    {
        await using var command = tx.Command("select price_amount from listings where tenant_id = $1 and listing_id = $2", tx.TenantId, listingId);
        return await command.ExecuteScalarAsync(ct) is decimal price ? price : null;
    }

    /// <summary>What scoring reads of a lead beyond its state: budget, timeline, listing and contact completeness.</summary>
    public static async Task<ScoreInputs> ScoreInputsAsync(TenantTransaction tx, LeadState state, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        await using var command = tx.Command("""
            select l.budget, (select price_amount from listings p where p.tenant_id = l.tenant_id and p.listing_id = l.listing_id),
                   l.timeline, l.name <> '', l.phone is not null, l.email is not null
              from leads l where l.tenant_id = $1 and l.lead_id = $2
            """, tx.TenantId, state.LeadId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) throw new InvalidOperationException($"Lead {state.LeadId} has a stream but no row.");
        var inputs = new ScoreInputs(state.Source, reader.IsDBNull(0) ? null : reader.GetDecimal(0), reader.IsDBNull(1) ? null : reader.GetDecimal(1),
            reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetBoolean(3), reader.GetBoolean(4), reader.GetBoolean(5), 0, state.Contacts);
        await reader.DisposeAsync();
        return inputs with { PreviousRequests = await PreviousRequestsAsync(tx, state.CustomerId, state.LeadId, ct) };
    }
}

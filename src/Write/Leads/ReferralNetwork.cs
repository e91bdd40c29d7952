using Platform.Write.Customers;
using Platform.Write.Domain;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Leads;

/// <summary>What a referral shares of the sender's lead: the person's contact and what they asked for.</summary>
internal sealed record SharedLead(string Name, string? Phone, string? Email, string? Message, decimal? Budget, string? Timeline)
{
    public LeadRequest ToRequest(Guid referralId) => new(
        referralId, LeadSources.Referral, null, null,
        new CustomerContact(Name, Phone is null ? [] : [Phone], Email is null ? [] : [Email], null, null), Message, Budget, Timeline, null, referralId);
}

/// <summary>The pieces of a referral that touch both tenants.</summary>
internal static class ReferralNetwork
{
    public static DomainException NotAMember() => new NotFoundException("esa empresa en la red");

    public static async Task EnsureMemberAsync(TenantTransaction tx, EventSerializer serializer, string message, CancellationToken ct)
    {
        var (events, _) = await tx.ReadStreamAsync(serializer, TenantNetwork.Stream, ct);
        if (!TenantNetwork.IsMember(events)) throw new DomainException("not-in-network", message);
    }

    public static async Task<SharedLead> SharedAsync(TenantTransaction tx, Guid leadId, CancellationToken ct)
    {
        await using var command = tx.Command("select name, phone, email, message, budget, timeline from leads where tenant_id = $1 and lead_id = $2",
            tx.TenantId, leadId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) throw new NotFoundException("el prospecto");
        return new SharedLead(reader.GetString(0), Text(reader, 1), Text(reader, 2), Text(reader, 3),
            reader.IsDBNull(4) ? null : reader.GetDecimal(4), Text(reader, 5));
    }

    /// <summary>Events written into the other tenant carry no user of ours: only the correlation, and "referral" as source.</summary>
    public static Func<object, NewEvent> EventsFor(CommandContext context) =>
        data => new NewEvent(Guid.CreateVersion7(), data, new EventMetadata(null, context.CorrelationId, context.CommandId, LeadSources.Referral));

    public static Task InsertSideAsync(
        TenantTransaction tx, Guid referralId, string direction, Guid leadId, Guid partner, string partnerName, decimal commission, DateTimeOffset now,
        CancellationToken ct) =>
        tx.ExecuteAsync("""
            insert into lead_referrals (tenant_id, referral_id, direction, lead_id, partner_tenant_id, partner_name, commission_percent, outcome, created_at, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7, 'pending', $8, $8)
            on conflict (tenant_id, referral_id) do nothing
            """, ct, tx.TenantId, referralId, direction, leadId, partner, partnerName, commission, now);

    private static string? Text(Npgsql.NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
}

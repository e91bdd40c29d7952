using Dapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Read.Paging;

namespace Platform.Read.Leads;

/// <summary>The tenant's side of its referrals: those it sent, or those it received. The partner is named, nothing more.</summary>
[Authorize(Roles = "owner,admin,sales,viewer,analyst")]
public sealed record ListReferrals(Guid TenantId, string Direction, PageRequest Page) : IRequest<Page<ReferralSummary>>;

public sealed record ReferralSummary(
    Guid ReferralId, string Direction, Guid LeadId, string PartnerName, decimal CommissionPercent, string Outcome, decimal? Amount,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed class ListReferralsHandler(Tenancy.TenantReads reads) : IRequestHandler<ListReferrals, Page<ReferralSummary>>
{
    private sealed record Row(Guid ReferralId, string Direction, Guid LeadId, string PartnerName, decimal CommissionPercent, string Outcome, decimal? Amount,
        DateTime CreatedAt, DateTime UpdatedAt);

    public async Task<Page<ReferralSummary>> Handle(ListReferrals request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Page.TryReadCursor<Guid>(out var last)) throw new ArgumentException("The cursor is not one this list wrote.", nameof(request));
        Guid? before = request.Page.Cursor is null ? null : last;
        var rows = await reads.QueryAsync(request.TenantId, async (connection, tx) => (await connection.QueryAsync<Row>(new CommandDefinition("""
            select referral_id as ReferralId, direction as Direction, lead_id as LeadId, partner_name as PartnerName,
                   commission_percent as CommissionPercent, outcome as Outcome, amount as Amount, created_at as CreatedAt, updated_at as UpdatedAt
              from lead_referrals
             where tenant_id = @tenant and direction = @direction and (@before::uuid is null or referral_id < @before)
             order by referral_id desc
             limit @limit
            """, new { tenant = request.TenantId, direction = request.Direction, before, limit = request.Page.Limit + 1 }, tx,
            cancellationToken: cancellationToken))).Select(r => new ReferralSummary(r.ReferralId, r.Direction, r.LeadId, r.PartnerName, r.CommissionPercent,
                r.Outcome, r.Amount, LeadRow.Utc(r.CreatedAt)!.Value, LeadRow.Utc(r.UpdatedAt)!.Value)).ToList(), cancellationToken);
        return request.Page.ToPage(rows, r => r.ReferralId);
    }
}

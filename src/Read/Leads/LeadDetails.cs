using Dapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Platform.Read.Leads;

/// <summary>One lead of the tenant, or null (another tenant's is the same as a missing one).</summary>
[Authorize(Roles = "owner,admin,sales,viewer,analyst")]
public sealed record GetLead(Guid TenantId, Guid LeadId) : IRequest<LeadDetails?>;

/// <summary>The lead with its score's reasons (why it is hot, warm or cold); <see cref="Version"/> is its ETag.</summary>
public sealed record LeadDetails(
    Guid LeadId, Guid CustomerId, string Source, string? Campaign, Guid? ListingId, string Name, string? Phone, string? Email, string? Message,
    decimal? Budget, string? Timeline, string Status, Guid? AssigneeId, int Score, string Band, IReadOnlyList<LeadScoreReason> Reasons,
    string? DisqualifyReason, Guid? OpportunityId, Guid? ReferralId, int Contacts, DateTimeOffset? FirstContactedAt, long? ResponseSeconds,
    long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed class GetLeadHandler(Tenancy.TenantReads reads) : IRequestHandler<GetLead, LeadDetails?>
{
    public async Task<LeadDetails?> Handle(GetLead request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var row = await reads.QueryAsync(request.TenantId, (connection, tx) => connection.QuerySingleOrDefaultAsync<LeadRow>(new CommandDefinition(
            $"select {LeadRow.Columns} from leads l where l.tenant_id = @tenant and l.lead_id = @lead",
            new { tenant = request.TenantId, lead = request.LeadId }, tx, cancellationToken: cancellationToken)), cancellationToken);
        return row is null ? null : new LeadDetails(
            row.LeadId, row.CustomerId, row.Source, row.Campaign, row.ListingId, row.Name, row.Phone, row.Email, row.Message, row.Budget, row.Timeline,
            row.Status, row.AssigneeId, row.Score, row.Band, row.ScoreReasons, row.DisqualifyReason, row.OpportunityId, row.ReferralId, row.Contacts,
            LeadRow.Utc(row.FirstContactedAt), row.ResponseSeconds, row.Version, LeadRow.Utc(row.CreatedAt)!.Value, LeadRow.Utc(row.UpdatedAt)!.Value);
    }
}

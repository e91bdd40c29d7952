using Dapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Read.Paging;

namespace Platform.Read.Pipeline;

/// <summary>The tenant's opportunities, newest first, filtered by pipeline, stage, status, owner and customer.</summary>
[Authorize]
public sealed record ListOpportunities(
    Guid TenantId, Guid? PipelineId, Guid? StageId, string? Status, Guid? OwnerId, Guid? CustomerId, PageRequest Page)
    : IRequest<Page<OpportunitySummary>>;

public sealed record OpportunitySummary(
    Guid OpportunityId, Guid PipelineId, Guid StageId, string StageName, string Status, string Title, Guid CustomerId, Guid? LeadId,
    decimal Value, decimal? WonAmount, string Currency, Guid OwnerId, DateOnly? ExpectedCloseDate, string? LostReason,
    DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt);

public sealed class ListOpportunitiesHandler(Tenancy.TenantReads reads) : IRequestHandler<ListOpportunities, Page<OpportunitySummary>>
{
    public static IReadOnlyList<string> Statuses { get; } = ["open", "won", "lost"];

    public async Task<Page<OpportunitySummary>> Handle(ListOpportunities request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Page.TryReadCursor<Guid>(out var last)) throw new ArgumentException("The cursor is not one this list wrote.", nameof(request));
        Guid? before = request.Page.Cursor is null ? null : last;
        var rows = await reads.QueryAsync(request.TenantId, async (connection, tx) => (await connection.QueryAsync<OpportunityRow>(
            new CommandDefinition($"""
                select o.opportunity_id as OpportunityId, o.pipeline_id as PipelineId, o.stage_id as StageId, coalesce(s.name, '') as StageName,
                       o.status as Status, o.title as Title, o.customer_id as CustomerId, o.lead_id as LeadId, o.value as Value, o.won_amount as WonAmount,
                       o.currency as Currency, o.owner_id as OwnerId, o.expected_close_date as ExpectedCloseDate, o.lost_reason as LostReason,
                       o.opened_at as OpenedAt, o.closed_at as ClosedAt
                  from {PipelineViews.Opportunities} o
                  left join {PipelineViews.Stages} s on s.tenant_id = o.tenant_id and s.pipeline_id = o.pipeline_id and s.stage_id = o.stage_id
                 where o.tenant_id = @tenant and (@before::uuid is null or o.opportunity_id < @before)
                   and (@pipeline::uuid is null or o.pipeline_id = @pipeline) and (@stage::uuid is null or o.stage_id = @stage)
                   and (@status::text is null or o.status = @status) and (@owner::uuid is null or o.owner_id = @owner)
                   and (@customer::uuid is null or o.customer_id = @customer)
                 order by o.opportunity_id desc
                 limit @limit
                """, new
                {
                    tenant = request.TenantId, before, pipeline = request.PipelineId, stage = request.StageId, status = request.Status,
                    owner = request.OwnerId, customer = request.CustomerId, limit = request.Page.Limit + 1,
                }, tx, cancellationToken: cancellationToken))).Select(r => r.ToSummary()).ToList(), cancellationToken);
        return request.Page.ToPage(rows, r => r.OpportunityId);
    }
}

internal sealed record OpportunityRow(
    Guid OpportunityId, Guid PipelineId, Guid StageId, string StageName, string Status, string Title, Guid CustomerId, Guid? LeadId,
    decimal Value, decimal? WonAmount, string Currency, Guid OwnerId, DateOnly? ExpectedCloseDate, string? LostReason, DateTime OpenedAt, DateTime? ClosedAt)
{
    public OpportunitySummary ToSummary() => new(
        OpportunityId, PipelineId, StageId, StageName, Status, Title, CustomerId, LeadId, Value, WonAmount, Currency, OwnerId,
        ExpectedCloseDate, LostReason, new DateTimeOffset(OpenedAt, TimeSpan.Zero),
        ClosedAt is { } closed ? new DateTimeOffset(closed, TimeSpan.Zero) : null);
}

using Dapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Read.Paging;

namespace Platform.Read.Leads;

/// <summary>The tenant's leads, newest first; filter by status, assignee, band and source.</summary>
[Authorize(Roles = "owner,admin,sales,viewer,analyst")]
public sealed record ListLeads(Guid TenantId, string? Status, Guid? AssigneeId, string? Band, string? Source, PageRequest Page) : IRequest<Page<LeadSummary>>;

public sealed class ListLeadsHandler(Tenancy.TenantReads reads) : IRequestHandler<ListLeads, Page<LeadSummary>>
{
    public async Task<Page<LeadSummary>> Handle(ListLeads request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Page.TryReadCursor<Guid>(out var last)) throw new ArgumentException("The cursor is not one this list wrote.", nameof(request));
        Guid? before = request.Page.Cursor is null ? null : last;
        var rows = await reads.QueryAsync(request.TenantId, async (connection, tx) => (await connection.QueryAsync<LeadRow>(new CommandDefinition($"""
            select {LeadRow.Columns}
              from leads l
             where l.tenant_id = @tenant and (@before::uuid is null or l.lead_id < @before)
               and (@status::text is null or l.status = @status) and (@assignee::uuid is null or l.assignee_id = @assignee)
               and (@band::text is null or l.band = @band) and (@source::text is null or l.source = @source)
             order by l.lead_id desc
             limit @limit
            """, new { tenant = request.TenantId, before, status = request.Status, assignee = request.AssigneeId, band = request.Band, source = request.Source,
                limit = request.Page.Limit + 1 }, tx, cancellationToken: cancellationToken))).Select(r => r.ToSummary()).ToList(), cancellationToken);
        return request.Page.ToPage(rows, r => r.LeadId);
    }
}

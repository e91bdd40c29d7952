using Dapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Read.Paging;

namespace Platform.Read.Pipeline;

/// <summary>The caller's activities not yet done, soonest due first; overdue ones flagged.</summary>
[Authorize(Roles = "owner,admin,sales")]
public sealed record ListMyTasks(Guid TenantId, Guid UserId, PageRequest Page) : IRequest<Page<TaskSummary>>;

public sealed record TaskSummary(
    Guid ActivityId, Guid OpportunityId, string OpportunityTitle, string Type, string Subject, DateTimeOffset DueAt, bool Overdue);

/// <summary>The last task of a page, in the list's order.</summary>
public sealed record TaskCursor(DateTimeOffset DueAt, Guid ActivityId);

public sealed class ListMyTasksHandler(Tenancy.TenantReads reads, TimeProvider time) : IRequestHandler<ListMyTasks, Page<TaskSummary>>
{
    public async Task<Page<TaskSummary>> Handle(ListMyTasks request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Page.TryReadCursor<TaskCursor>(out var after)) throw new ArgumentException("The cursor is not one this list wrote.", nameof(request));
        var now = time.GetUtcNow();
        var rows = await reads.QueryAsync(request.TenantId, async (connection, tx) => (await connection.QueryAsync<TaskRow>(
            new CommandDefinition($"""
                select t.activity_id as ActivityId, t.opportunity_id as OpportunityId, coalesce(o.title, '') as OpportunityTitle, t.type as Type,
                       t.subject as Subject, t.due_at as DueAt
                  from {PipelineViews.Tasks} t
                  left join {PipelineViews.Opportunities} o on o.tenant_id = t.tenant_id and o.opportunity_id = t.opportunity_id
                 where t.tenant_id = @tenant and t.assignee_id = @user and not t.done
                   and (@afterDue::timestamptz is null or (t.due_at, t.activity_id) > (@afterDue, @afterId))
                 order by t.due_at, t.activity_id
                 limit @limit
                """, new
                {
                    tenant = request.TenantId, user = request.UserId, afterDue = after?.DueAt.ToUniversalTime(), afterId = after?.ActivityId ?? Guid.Empty,
                    limit = request.Page.Limit + 1,
                }, tx, cancellationToken: cancellationToken))).ToList(), cancellationToken);
        var more = rows.Count > request.Page.Limit;
        if (more) rows.RemoveAt(rows.Count - 1);
        var items = rows.Select(r =>
        {
            var due = new DateTimeOffset(r.DueAt, TimeSpan.Zero);
            return new TaskSummary(r.ActivityId, r.OpportunityId, r.OpportunityTitle, r.Type, r.Subject, due, due < now);
        }).ToList();
        return new Page<TaskSummary>(items, more ? PageRequest.WriteCursor(new TaskCursor(items[^1].DueAt, items[^1].ActivityId)) : null);
    }
}

internal sealed record TaskRow(Guid ActivityId, Guid OpportunityId, string OpportunityTitle, string Type, string Subject, DateTime DueAt);

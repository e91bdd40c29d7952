using Dapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Read.Paging;

namespace Platform.Read.Customers;

/// <summary>A customer's interactions, most recent first; null when there is no such customer (another tenant's included).</summary>
[Authorize(Roles = "owner,admin,sales,viewer,analyst")]
public sealed record ListInteractions(Guid TenantId, Guid CustomerId, PageRequest Page) : IRequest<Page<InteractionSummary>?>;

public sealed record InteractionSummary(
    Guid InteractionId, string Kind, string? Outcome, string? Notes, DateTimeOffset OccurredAt, DateOnly? FollowUpOn, Guid? UserId);

/// <summary>The keyset of the interactions list: the last row's time and id.</summary>
public sealed record InteractionCursor(DateTimeOffset At, Guid Id);

public sealed class ListInteractionsHandler(Tenancy.TenantReads reads) : IRequestHandler<ListInteractions, Page<InteractionSummary>?>
{
    public async Task<Page<InteractionSummary>?> Handle(ListInteractions request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Page.TryReadCursor<InteractionCursor>(out var after)) throw new ArgumentException("The cursor is not one this list wrote.", nameof(request));
        return await reads.QueryAsync(request.TenantId, async (connection, tx) =>
        {
            var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "select exists (select from customers where tenant_id = @tenant and customer_id = @customer)",
                new { tenant = request.TenantId, customer = request.CustomerId }, tx, cancellationToken: cancellationToken));
            if (!exists) return null;
            var rows = (await connection.QueryAsync<InteractionRow>(new CommandDefinition("""
                select interaction_id as InteractionId, kind as Kind, outcome as Outcome, notes as Notes, occurred_at as OccurredAt,
                       to_char(follow_up_on, 'YYYY-MM-DD') as FollowUpOn, user_id as UserId
                  from customer_interactions
                 where tenant_id = @tenant and customer_id = @customer
                   and (@at::timestamptz is null or (occurred_at, interaction_id) < (@at, @id))
                 order by occurred_at desc, interaction_id desc
                 limit @limit
                """, new { tenant = request.TenantId, customer = request.CustomerId, at = after?.At.ToUniversalTime(), id = after?.Id, limit = request.Page.Limit + 1 },
                tx, cancellationToken: cancellationToken))).Select(r => r.ToSummary()).ToList();
            return request.Page.ToPage(rows, r => new InteractionCursor(r.OccurredAt, r.InteractionId));
        }, cancellationToken);
    }

    private sealed class InteractionRow
    {
        public Guid InteractionId { get; set; }
        public string Kind { get; set; } = "";
        public string? Outcome { get; set; }
        public string? Notes { get; set; }
        public DateTime OccurredAt { get; set; }
        public string? FollowUpOn { get; set; }
        public Guid? UserId { get; set; }

        public InteractionSummary ToSummary() =>
            new(InteractionId, Kind, Outcome, Notes, CustomerRow.Utc(OccurredAt)!.Value,
                FollowUpOn is null ? null : DateOnly.ParseExact(FollowUpOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), UserId);
    }
}

using Dapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Platform.Read.Customers;

/// <summary>How many customers each segment has now, and the rules that place them.</summary>
[Authorize(Roles = "owner,admin,sales,viewer,analyst")]
public sealed record GetSegmentCounts(Guid TenantId) : IRequest<SegmentOverview>;

public sealed record SegmentRules(int FrequentTouches, int FrequentDays, int InactiveDays);

public sealed record SegmentCount(string Segment, long Customers);

public sealed record SegmentOverview(IReadOnlyList<SegmentCount> Segments, SegmentRules Rules);

public sealed class GetSegmentCountsHandler(Tenancy.TenantReads reads, TimeProvider time) : IRequestHandler<GetSegmentCounts, SegmentOverview>
{
    public async Task<SegmentOverview> Handle(GetSegmentCounts request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var counts = await reads.QueryAsync(request.TenantId, async (connection, tx) =>
            (await connection.QueryAsync<(string Segment, long Customers)>(new CommandDefinition($"""
                select {CustomerSegments.CaseSql} as Segment, count(*) as Customers
                  from customers c where c.tenant_id = @tenant group by 1
                """, new { tenant = request.TenantId, now = time.GetUtcNow() }, tx, cancellationToken: cancellationToken))).ToDictionary(r => r.Segment, r => r.Customers),
            cancellationToken);
        return new SegmentOverview(
            [.. CustomerSegments.All.Select(s => new SegmentCount(s, counts.GetValueOrDefault(s)))],
            new SegmentRules(CustomerSegments.FrequentTouches, CustomerSegments.FrequentDays, CustomerSegments.InactiveDays));
    }
}

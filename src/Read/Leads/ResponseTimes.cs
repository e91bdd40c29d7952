using Dapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Platform.Read.Leads;

/// <summary>
/// How fast the tenant answers its leads: of the leads created in [From, To), how many were contacted,
/// and the median and 90th percentile of the time to first contact, overall and per salesperson (who made it).
/// </summary>
[Authorize(Roles = "owner,admin,sales,viewer,analyst")]
public sealed record GetResponseTimes(Guid TenantId, DateTimeOffset From, DateTimeOffset To) : IRequest<ResponseTimesReport>;

public sealed record ResponseTimeFigures(int Leads, int Contacted, double? MedianSeconds, double? P90Seconds);

public sealed record SalespersonResponseTimes(Guid UserId, string DisplayName, int Contacted, double? MedianSeconds, double? P90Seconds);

public sealed record ResponseTimesReport(DateTimeOffset From, DateTimeOffset To, ResponseTimeFigures Overall, IReadOnlyList<SalespersonResponseTimes> Salespeople);

public sealed class GetResponseTimesHandler(Tenancy.TenantReads reads) : IRequestHandler<GetResponseTimes, ResponseTimesReport>
{
    private sealed record OverallRow(long Leads, long Contacted, double? Median, double? P90);

    private sealed record PersonRow(Guid UserId, string DisplayName, long Contacted, double? Median, double? P90);

    public async Task<ResponseTimesReport> Handle(GetResponseTimes request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new { tenant = request.TenantId, from = request.From, to = request.To };
        return await reads.QueryAsync(request.TenantId, async (connection, tx) =>
        {
            var overall = await connection.QuerySingleAsync<OverallRow>(new CommandDefinition("""
                select count(*) as Leads, count(response_seconds) as Contacted,
                       percentile_cont(0.5) within group (order by response_seconds) as Median,
                       percentile_cont(0.9) within group (order by response_seconds) as P90
                  from leads where tenant_id = @tenant and created_at >= @from and created_at < @to
                """, parameters, tx, cancellationToken: cancellationToken));
            var people = await connection.QueryAsync<PersonRow>(new CommandDefinition("""
                select l.first_contacted_by as UserId, coalesce(u.display_name, '') as DisplayName, count(*) as Contacted,
                       percentile_cont(0.5) within group (order by l.response_seconds) as Median,
                       percentile_cont(0.9) within group (order by l.response_seconds) as P90
                  from leads l left join users u on u.tenant_id = l.tenant_id and u.user_id = l.first_contacted_by
                 where l.tenant_id = @tenant and l.created_at >= @from and l.created_at < @to and l.response_seconds is not null
                 group by l.first_contacted_by, u.display_name
                 order by Median, UserId
                """, parameters, tx, cancellationToken: cancellationToken));
            return new ResponseTimesReport(request.From, request.To,
                new ResponseTimeFigures((int)overall.Leads, (int)overall.Contacted, overall.Median, overall.P90),
                [.. people.Select(p => new SalespersonResponseTimes(p.UserId, p.DisplayName, (int)p.Contacted, p.Median, p.P90))]);
        }, cancellationToken);
    }
}

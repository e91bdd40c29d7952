using Dapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Platform.Read.Analytics;

/// <summary>
/// The table the tenant's sales-targets stream keeps in the transaction of its events: (tenant_id, month 'YYYY-MM'):
/// amount and currency (null once cleared), version (the stream's version after the month's last change), so the
/// highest version of a tenant's rows is its stream's version.
/// </summary>
public static class SalesTargetViews
{
    public const string Targets = "sales_targets";
}

/// <summary>The tenant's monthly sales targets from..to (YYYY-MM, both included; default the current month and the next five).</summary>
[Authorize(Roles = "owner,admin,analyst")]
public sealed record GetSalesTargets(Guid TenantId, string? FromMonth, string? ToMonth) : IRequest<SalesTargetList>;

/// <summary><paramref name="Version"/>: the version of the tenant's targets stream (its ETag; 0 when no target was ever set).</summary>
public sealed record SalesTargetList(string From, string To, long Version, IReadOnlyList<MonthlyTarget> Targets);

public sealed record MonthlyTarget(string Month, decimal Amount, string Currency);

public sealed class GetSalesTargetsHandler(Tenancy.TenantReads reads, TimeProvider time) : IRequestHandler<GetSalesTargets, SalesTargetList>
{
    public async Task<SalesTargetList> Handle(GetSalesTargets request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await reads.QueryAsync(request.TenantId, async (connection, tx) =>
        {
            var today = await AnalyticsPeriod.TodayAsync(connection, tx, request.TenantId, time.GetUtcNow(), cancellationToken);
            var (first, last) = ForecastMonths.Resolve(request.FromMonth, request.ToMonth, today);
            var (from, to) = (ForecastMonths.Name(first), ForecastMonths.Name(last));
            var targets = await connection.QueryAsync<MonthlyTarget>(new CommandDefinition(
                ForecastSql.Targets, new { tenant = request.TenantId, from, to }, tx, cancellationToken: cancellationToken));
            var version = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                $"select max(version) from {SalesTargetViews.Targets} where tenant_id = @tenant",
                new { tenant = request.TenantId }, tx, cancellationToken: cancellationToken));
            return new SalesTargetList(from, to, version ?? 0, [.. targets]);
        }, cancellationToken);
    }
}

using Dapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Platform.Read.Analytics;

/// <summary>
/// The tenant's sales figures over a period of days in its time zone, both ends included; a missing end
/// defaults to today and a missing start to 29 days before the end (the last 30 days); <paramref name="Filter"/> narrows
/// every figure to a pipeline, a salesperson and a lead source.
/// </summary>
[Authorize(Roles = "owner,admin,analyst")]
public sealed record GetSalesDashboard(Guid TenantId, DateOnly? From, DateOnly? To, SalesFilter? Filter = null) : IRequest<SalesDashboard>;

public sealed record SalesDashboard(
    DateOnly From, DateOnly To, IReadOnlyList<SourceCount> LeadsBySource, long Leads, long Converted, double? ConversionRate,
    long Opened, long Won, long Lost, double? WinRate, IReadOnlyList<CurrencyAmount> WonAmount, IReadOnlyList<ReasonCount> LostReasons,
    IReadOnlyList<FunnelStage> Funnel, ResponseTimes ResponseTime, IReadOnlyList<DayCount> LeadsOverTime);

/// <summary>One day of the period: leads received, opportunities won. Days without either are left out.</summary>
public sealed record DayCount(DateOnly Day, long Leads, long Won);

public sealed record SourceCount(string Source, long Count);

public sealed record CurrencyAmount(string Currency, decimal Amount);

public sealed record ReasonCount(string Reason, long Count);

/// <summary>
/// How many opportunities entered the stage in the period, moved on from it (to another stage or won) and
/// were lost from it; name and pipeline when the stage still exists.
/// </summary>
public sealed record FunnelStage(Guid StageId, Guid? PipelineId, string? Name, int? Position, long Entered, long Advanced, long Lost);

/// <summary>First responses to leads in the period: how many, and their p50 and p90 (interpolated), overall and per salesperson.</summary>
public sealed record ResponseTimes(long Contacted, double? P50Seconds, double? P90Seconds, IReadOnlyList<SalespersonResponse> PerSalesperson);

public sealed record SalespersonResponse(Guid UserId, long Contacted, double? P50Seconds, double? P90Seconds);

public sealed class GetSalesDashboardHandler(Tenancy.TenantReads reads, TimeProvider time) : IRequestHandler<GetSalesDashboard, SalesDashboard>
{
    public async Task<SalesDashboard> Handle(GetSalesDashboard request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await reads.QueryAsync(request.TenantId, async (connection, tx) =>
        {
            var (from, to) = await AnalyticsPeriod.ResolveAsync(connection, tx, request.TenantId, request.From, request.To, time.GetUtcNow(), cancellationToken);
            var args = SalesFilterSql.Args(request.TenantId, from, to, request.Filter);
            var sql = request.Filter is null || request.Filter == SalesFilter.None ? DashboardCounterSql.All : DashboardSql.All;
            using var reader = await connection.QueryMultipleAsync(new CommandDefinition(sql, args, tx, cancellationToken: cancellationToken));
            var rows = (await reader.ReadAsync<DailyRow>()).ToList();
            var stages = (await reader.ReadAsync<FunnelStage>()).ToList();
            var people = (await reader.ReadAsync<ResponseRow>()).ToList();
            var days = (await reader.ReadAsync<DayCount>()).ToList();
            return DashboardFigures.From(from, to, rows, stages, people, days);
        }, cancellationToken);
    }
}

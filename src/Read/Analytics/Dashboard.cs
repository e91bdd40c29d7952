using Dapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Platform.Read.Analytics;

/// <summary>
/// The tenant's sales figures over a period of days in its time zone, both ends included; a missing end
/// defaults to today and a missing start to 29 days before the end (the last 30 days).
/// </summary>
[Authorize(Roles = "owner,admin,analyst")]
public sealed record GetSalesDashboard(Guid TenantId, DateOnly? From, DateOnly? To) : IRequest<SalesDashboard>;

public sealed record SalesDashboard(
    DateOnly From, DateOnly To, IReadOnlyList<SourceCount> LeadsBySource, long Leads, long Converted, double? ConversionRate,
    long Opened, long Won, long Lost, double? WinRate, IReadOnlyList<CurrencyAmount> WonAmount, IReadOnlyList<ReasonCount> LostReasons,
    IReadOnlyList<FunnelStage> Funnel, ResponseTimes ResponseTime);

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

/// <summary>The period asked for cannot be read; <paramref name="Field"/> names the query parameter at fault.</summary>
public sealed class DashboardPeriodException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

public sealed class GetSalesDashboardHandler(Tenancy.TenantReads reads, TimeProvider time) : IRequestHandler<GetSalesDashboard, SalesDashboard>
{
    public const int DefaultDays = 30;
    public const int MaxDays = 3 * 366;

    public async Task<SalesDashboard> Handle(GetSalesDashboard request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await reads.QueryAsync(request.TenantId, async (connection, tx) =>
        {
            var today = await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(
                "select (@now at time zone time_zone)::date from tenants where tenant_id = @tenant",
                new { tenant = request.TenantId, now = time.GetUtcNow() }, tx, cancellationToken: cancellationToken));
            var to = request.To ?? DateOnly.FromDateTime(today ?? time.GetUtcNow().UtcDateTime);
            var from = request.From ?? to.AddDays(1 - DefaultDays);
            if (from > to) throw new DashboardPeriodException("from", "El inicio del periodo debe ser anterior o igual a su fin.");
            if (to.DayNumber - from.DayNumber + 1 > MaxDays) throw new DashboardPeriodException("to", "El periodo puede abarcar a lo sumo tres años.");
            var args = new { tenant = request.TenantId, from = from.ToDateTime(TimeOnly.MinValue), to = to.ToDateTime(TimeOnly.MinValue) };
            var rows = (await connection.QueryAsync<DailyRow>(new CommandDefinition(DashboardSql.Daily, args, tx, cancellationToken: cancellationToken))).ToList();
            var stages = (await connection.QueryAsync<FunnelStage>(new CommandDefinition(DashboardSql.Funnel, args, tx, cancellationToken: cancellationToken))).ToList();
            var people = (await connection.QueryAsync<ResponseRow>(new CommandDefinition(DashboardSql.Responses, args, tx, cancellationToken: cancellationToken))).ToList();
            return DashboardFigures.From(from, to, rows, stages, people);
        }, cancellationToken);
    }
}

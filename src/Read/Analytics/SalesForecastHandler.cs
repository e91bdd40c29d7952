using Dapper;
using MediatR;

namespace Platform.Read.Analytics;

/// <summary>
/// Reads the pipeline board's current opportunities and stages (an open opportunity without an expected close date
/// counts in the current month) and the tenant's targets; a target is the whole team's, so a pipeline filter leaves it out.
/// </summary>
public sealed class GetSalesForecastHandler(Tenancy.TenantReads reads, TimeProvider time) : IRequestHandler<GetSalesForecast, SalesForecast>
{
    public async Task<SalesForecast> Handle(GetSalesForecast request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await reads.QueryAsync(request.TenantId, async (connection, tx) =>
        {
            var today = await AnalyticsPeriod.TodayAsync(connection, tx, request.TenantId, time.GetUtcNow(), cancellationToken);
            var (first, last) = ForecastMonths.Resolve(request.FromMonth, request.ToMonth, today);
            var args = new
            {
                tenant = request.TenantId, pipeline = request.PipelineId, today = today.ToDateTime(TimeOnly.MinValue),
                first = first.ToDateTime(TimeOnly.MinValue), last = last.ToDateTime(TimeOnly.MinValue),
                from = ForecastMonths.Name(first), to = ForecastMonths.Name(last),
            };
            var rows = (await connection.QueryAsync<ForecastRow>(new CommandDefinition(ForecastSql.Months, args, tx, cancellationToken: cancellationToken))).ToList();
            var targets = request.PipelineId is null
                ? (await connection.QueryAsync<MonthlyTarget>(new CommandDefinition(ForecastSql.Targets, args, tx, cancellationToken: cancellationToken))).ToList()
                : [];
            var currency = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(ForecastSql.Currency, args, tx, cancellationToken: cancellationToken));
            return ForecastFigures.From(first, last, rows, targets, currency ?? "USD");
        }, cancellationToken);
    }
}

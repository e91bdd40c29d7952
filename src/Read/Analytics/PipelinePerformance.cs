using Dapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Platform.Read.Analytics;

/// <summary>
/// How the pipelines performed over a period of the tenant's days (both ends included, default the last 30): per stage
/// the stays begun and ended and the time spent, the win rate, and per salesperson opened, won, lost and response times.
/// </summary>
[Authorize(Roles = "owner,admin,analyst")]
public sealed record GetPipelinePerformance(Guid TenantId, DateOnly? From, DateOnly? To, SalesFilter? Filter = null) : IRequest<PipelinePerformance>;

/// <summary><paramref name="Won"/> and <paramref name="Lost"/>: opportunities closed in the period; the win rate is won / (won + lost).</summary>
public sealed record PipelinePerformance(
    DateOnly From, DateOnly To, IReadOnlyList<StagePerformance> Stages, long Won, long Lost, double? WinRate, IReadOnlyList<SalespersonPerformance> Salespeople);

/// <summary>
/// Entered: stays begun in the period; advanced and lost: stays that ended in it by moving on (or winning) and by losing;
/// conversion = advanced / entered; average and p90 (interpolated) seconds of the stays that ended in the period, however they ended.
/// </summary>
public sealed record StagePerformance(
    Guid StageId, Guid? PipelineId, string? PipelineName, string? Name, int? Position, long Entered, long Advanced, long Lost,
    double? Conversion, double? AverageSeconds, double? P90Seconds);

/// <summary>
/// A salesperson's opportunities (by their owner now) opened and closed in the period, won amount per currency, and the
/// first responses they gave to leads in the period with their p50 and p90 seconds.
/// </summary>
public sealed record SalespersonPerformance(
    Guid UserId, long Opened, long Won, long Lost, double? WinRate, IReadOnlyList<CurrencyAmount> WonAmount,
    long Responded, double? ResponseP50Seconds, double? ResponseP90Seconds);

public sealed class GetPipelinePerformanceHandler(Tenancy.TenantReads reads, TimeProvider time) : IRequestHandler<GetPipelinePerformance, PipelinePerformance>
{
    public async Task<PipelinePerformance> Handle(GetPipelinePerformance request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await reads.QueryAsync(request.TenantId, async (connection, tx) =>
        {
            var (from, to) = await AnalyticsPeriod.ResolveAsync(connection, tx, request.TenantId, request.From, request.To, time.GetUtcNow(), cancellationToken);
            var sql = string.Join(";\n", PerformanceSql.Stages, PerformanceSql.Salespeople, DashboardSql.Responses);
            var args = SalesFilterSql.Args(request.TenantId, from, to, request.Filter);
            using var reader = await connection.QueryMultipleAsync(new CommandDefinition(sql, args, tx, cancellationToken: cancellationToken));
            var stages = (await reader.ReadAsync<StageRow>()).Select(s => new StagePerformance(
                s.StageId, s.PipelineId, s.PipelineName, s.Name, s.Position, s.Entered, s.Advanced, s.Lost,
                Rates.Of(s.Advanced, s.Entered), s.AverageSeconds, s.P90Seconds)).ToList();
            var closes = (await reader.ReadAsync<OwnerRow>()).ToList();
            var responses = (await reader.ReadAsync<ResponseRow>()).Where(r => r.UserId is not null).ToDictionary(r => r.UserId!.Value);
            var (won, lost) = (Count(closes, "won"), Count(closes, "lost"));
            var people = closes.Select(c => c.UserId).Concat(responses.Keys).Distinct().Order().Select(user =>
            {
                var mine = closes.Where(c => c.UserId == user).ToList();
                var (w, l) = (Count(mine, "won"), Count(mine, "lost"));
                var response = responses.GetValueOrDefault(user);
                return new SalespersonPerformance(user, Count(mine, "opened"), w, l, Rates.Of(w, w + l),
                    [.. mine.Where(c => c.Kind == "won").OrderBy(c => c.Currency, StringComparer.Ordinal).Select(c => new CurrencyAmount(c.Currency, c.Amount))],
                    response?.Contacted ?? 0, response?.P50Seconds, response?.P90Seconds);
            }).ToList();
            return new PipelinePerformance(from, to, stages, won, lost, Rates.Of(won, won + lost), people);
        }, cancellationToken);
    }

    private static long Count(IEnumerable<OwnerRow> rows, string kind) => rows.Where(r => r.Kind == kind).Sum(r => r.Count);
}

/// <summary>A part over a whole, to four decimals; null when the whole is zero.</summary>
internal static class Rates
{
    public static double? Of(long part, long whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}

using Dapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Platform.Read.Analytics;

/// <summary>
/// What became, by now, of the leads created in a period of the tenant's days (both ends included, default the last
/// 30): how many became an opportunity and how many of those are won, overall, by source and by month of creation;
/// and the win rate of the opportunities closed in the period.
/// </summary>
[Authorize(Roles = "owner,admin,analyst")]
public sealed record GetOpportunityConversion(Guid TenantId, DateOnly? From, DateOnly? To, SalesFilter? Filter = null) : IRequest<OpportunityConversion>;

public sealed record OpportunityConversion(
    DateOnly From, DateOnly To, CohortConversion Cohort, IReadOnlyList<SourceConversion> BySource, IReadOnlyList<MonthConversion> ByMonth,
    ClosedOpportunities Closed);

/// <summary>Leads, those converted to an opportunity, those whose opportunity is won; and the three rates between them.</summary>
public sealed record CohortConversion(long Leads, long Converted, long Won, double? LeadToOpportunity, double? OpportunityToWon, double? LeadToWon)
{
    internal static CohortConversion Of(long leads, long converted, long won) =>
        new(leads, converted, won, Rates.Of(converted, leads), Rates.Of(won, converted), Rates.Of(won, leads));
}

public sealed record SourceConversion(string Source, CohortConversion Conversion);

/// <summary><paramref name="Month"/>: YYYY-MM of the leads' creation, in the tenant's time zone.</summary>
public sealed record MonthConversion(string Month, CohortConversion Conversion);

/// <summary>Opportunities won and lost in the period; the win rate is won / (won + lost).</summary>
public sealed record ClosedOpportunities(long Won, long Lost, double? WinRate);

public sealed class GetOpportunityConversionHandler(Tenancy.TenantReads reads, TimeProvider time)
    : IRequestHandler<GetOpportunityConversion, OpportunityConversion>
{
    public async Task<OpportunityConversion> Handle(GetOpportunityConversion request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await reads.QueryAsync(request.TenantId, async (connection, tx) =>
        {
            var (from, to) = await AnalyticsPeriod.ResolveAsync(connection, tx, request.TenantId, request.From, request.To, time.GetUtcNow(), cancellationToken);
            var args = SalesFilterSql.Args(request.TenantId, from, to, request.Filter);
            using var reader = await connection.QueryMultipleAsync(new CommandDefinition(
                string.Join(";\n", ConversionSql.Cohort, ConversionSql.Closed), args, tx, cancellationToken: cancellationToken));
            var groups = (await reader.ReadAsync<CohortRow>()).ToList();
            var closed = await reader.ReadSingleAsync<ClosedRow>();
            CohortConversion Of(CohortRow r) => CohortConversion.Of(r.Leads, r.Converted, r.Won);
            var all = groups.SingleOrDefault(g => g.Kind == "all") is { } total ? Of(total) : CohortConversion.Of(0, 0, 0);
            return new OpportunityConversion(
                from, to, all,
                [.. groups.Where(g => g.Kind == "source").OrderByDescending(g => g.Leads).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => new SourceConversion(g.Key, Of(g)))],
                [.. groups.Where(g => g.Kind == "month").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new MonthConversion(g.Key, Of(g)))],
                new ClosedOpportunities(closed.Won, closed.Lost, Rates.Of(closed.Won, closed.Won + closed.Lost)));
        }, cancellationToken);
    }
}

using Dapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Platform.Read.Analytics;

/// <summary>
/// The tenant's catalog figures over a period of its days (both ends included; default the last 30): how long
/// listings stayed published before being sold or withdrawn, the stock now, price drops and quotes per listing.
/// </summary>
[Authorize(Roles = "owner,admin,analyst")]
public sealed record GetCatalogFigures(Guid TenantId, DateOnly? From, DateOnly? To) : IRequest<CatalogFigures>;

public sealed record CatalogFigures(DateOnly From, DateOnly To, StockFigures Stock, PriceDropFigures PriceDrops, QuoteFigures Quotes);

/// <summary>
/// Listings that left the stock (sold or withdrawn while published or reserved) in the period, with the
/// average and p90 (interpolated) days from their first publication; and the stock now (published or
/// reserved): how many and their average age in days since first publication (tenant's days).
/// </summary>
public sealed record StockFigures(long Left, long Sold, long Withdrawn, double? AverageDaysInStock, double? P90DaysInStock, long InStock, double? AverageAgeDays);

/// <summary>Prices lowered in the period (same currency): how many times, how many listings, the average drop in percent.</summary>
public sealed record PriceDropFigures(long Drops, long Listings, double? AverageDropPercent);

/// <summary>Quote requests in the period, listings that got any, quotes per quoted listing, and the 10 most quoted.</summary>
public sealed record QuoteFigures(long Quotes, long Listings, double? AveragePerListing, IReadOnlyList<ListingQuotes> Top);

/// <summary>A listing's quotes in the period; title and status as the catalog holds them now.</summary>
public sealed record ListingQuotes(Guid ListingId, string? Title, string? Status, long Quotes);

public sealed class GetCatalogFiguresHandler(Tenancy.TenantReads reads, TimeProvider time) : IRequestHandler<GetCatalogFigures, CatalogFigures>
{
    public async Task<CatalogFigures> Handle(GetCatalogFigures request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await reads.QueryAsync(request.TenantId, async (connection, tx) =>
        {
            var now = time.GetUtcNow();
            var (from, to) = await AnalyticsPeriod.ResolveAsync(connection, tx, request.TenantId, request.From, request.To, now, cancellationToken);
            var today = await AnalyticsPeriod.TodayAsync(connection, tx, request.TenantId, now, cancellationToken);
            var args = new { tenant = request.TenantId, from = from.ToDateTime(TimeOnly.MinValue), to = to.ToDateTime(TimeOnly.MinValue), today = today.ToDateTime(TimeOnly.MinValue) };
            CommandDefinition Sql(string sql) => new(sql, args, tx, cancellationToken: cancellationToken);
            var stock = await connection.QuerySingleAsync<StockFigures>(Sql(CatalogFiguresSql.Stock));
            var drops = await connection.QuerySingleAsync<PriceDropFigures>(Sql(CatalogFiguresSql.PriceDrops));
            var quoted = (await connection.QueryAsync<QuotedRow>(Sql(CatalogFiguresSql.Quotes))).ToList();
            var (total, listings) = (quoted[0].Total, quoted[0].Listings);
            List<ListingQuotes> top = [.. quoted.Where(q => q.ListingId is not null).Select(q => new ListingQuotes(q.ListingId!.Value, q.Title, q.Status, q.Quotes!.Value))];
            var quotes = new QuoteFigures(total, listings, listings == 0 ? null : (double)Math.Round((decimal)total / listings, 4, MidpointRounding.AwayFromZero), top);
            return new CatalogFigures(from, to, stock, drops, quotes);
        }, cancellationToken);
    }
}

/// <summary>A row of the quotes query: the period's totals, and one of the most quoted listings (nulls when none was).</summary>
internal sealed record QuotedRow(long Total, long Listings, Guid? ListingId, string? Title, string? Status, long? Quotes);

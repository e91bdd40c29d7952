using Dapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Read.Paging;

namespace Platform.Read.Catalog;

/// <summary>The back office's list of the tenant's listings, newest first, filtered by status and kind.</summary>
[Authorize]
public sealed record ListListings(Guid TenantId, string? Status, string? Kind, PageRequest Page) : IRequest<Page<ListingSummary>>;

public sealed record ListingSummary(
    Guid ListingId, string Kind, string Status, string Title, string City, decimal Price, string Currency, bool Featured,
    long Version, DateTimeOffset UpdatedAt);

internal sealed record ListingRow(
    Guid ListingId, string Kind, string Status, string Title, string City, decimal Price, string Currency, bool Featured, long Version, DateTime UpdatedAt)
{
    public ListingSummary ToSummary() => new(ListingId, Kind, Status, Title, City, Price, Currency, Featured, Version, new DateTimeOffset(UpdatedAt, TimeSpan.Zero));
}

public sealed class ListListingsHandler(Tenancy.TenantReads reads) : IRequestHandler<ListListings, Page<ListingSummary>>
{
    public async Task<Page<ListingSummary>> Handle(ListListings request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Page.TryReadCursor<Guid>(out var last)) throw new ArgumentException("The cursor is not one this list wrote.", nameof(request));
        Guid? before = request.Page.Cursor is null ? null : last;
        var rows = await reads.QueryAsync(request.TenantId, async (connection, tx) => (await connection.QueryAsync<ListingRow>(
            new CommandDefinition("""
                select listing_id as ListingId, kind as Kind, status as Status, title as Title, city as City, price_amount as Price,
                       price_currency as Currency, featured as Featured, version as Version, updated_at as UpdatedAt
                  from listings
                 where tenant_id = @tenant and (@before::uuid is null or listing_id < @before)
                   and (@status::text is null or status = @status) and (@kind::text is null or kind = @kind)
                 order by listing_id desc
                 limit @limit
                """, new { tenant = request.TenantId, before, request.Status, request.Kind, limit = request.Page.Limit + 1 }, tx,
                cancellationToken: cancellationToken))).Select(r => r.ToSummary()).ToList(), cancellationToken);
        return request.Page.ToPage(rows, r => r.ListingId);
    }
}

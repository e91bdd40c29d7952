namespace Platform.Read.Analytics;

/// <summary>The catalog figures' queries over the catalog-analytics views: @tenant, @from and @to (days, both included), @today.</summary>
internal static class CatalogFiguresSql
{
    public const string Stock = $"""
        select count(*) as Left, count(*) filter (where status = 'sold') as Sold, count(*) filter (where status = 'withdrawn') as Withdrawn,
               round(avg(seconds) / 86400, 6)::float8 as AverageDaysInStock,
               round((percentile_cont(0.9) within group (order by seconds::float8) / 86400)::numeric, 6)::float8 as P90DaysInStock,
               (select count(*) from {InsightViews.CatalogListings}
                 where tenant_id = @tenant and status in ('published', 'reserved')) as InStock,
               (select round(avg(@today::date - first_published_day), 2)::float8 from {InsightViews.CatalogListings}
                 where tenant_id = @tenant and status in ('published', 'reserved')) as AverageAgeDays
          from {InsightViews.CatalogExits}
         where tenant_id = @tenant and day between @from::date and @to::date
        """;

    public const string PriceDrops = $"""
        select count(*) as Drops, count(distinct listing_id) as Listings,
               round(avg((from_amount - to_amount) * 100 / from_amount), 2)::float8 as AverageDropPercent
          from {InsightViews.CatalogPriceDrops}
         where tenant_id = @tenant and day between @from::date and @to::date
        """;

    public const string Quotes = $"""
        select coalesce(sum(quotes), 0)::bigint as Quotes, count(distinct listing_id) as Listings,
               round(sum(quotes)::numeric / nullif(count(distinct listing_id), 0), 4)::float8 as AveragePerListing
          from {InsightViews.CatalogQuotes}
         where tenant_id = @tenant and day between @from::date and @to::date
        """;

    public const string TopQuoted = $"""
        select q.listing_id as ListingId, l.title as Title, l.status as Status, q.quotes as Quotes
          from (select listing_id, sum(quotes)::bigint as quotes from {InsightViews.CatalogQuotes}
                 where tenant_id = @tenant and day between @from::date and @to::date
                 group by listing_id order by 2 desc, listing_id limit 10) q
          left join listings l on l.tenant_id = @tenant and l.listing_id = q.listing_id
         order by q.quotes desc, q.listing_id
        """;
}

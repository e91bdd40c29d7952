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

    /// <summary>The period's quotes and quoted listings on every row; the 10 most quoted, or one row of nulls when none was.</summary>
    public const string Quotes = $"""
        with per as materialized (
            select listing_id, sum(quotes)::bigint as quotes from {InsightViews.CatalogQuotes}
             where tenant_id = @tenant and day between @from::date and @to::date group by listing_id),
        totals as (select coalesce(sum(quotes), 0)::bigint as quotes, count(*) as listings from per)
        select t.quotes as Total, t.listings as Listings, top.listing_id as ListingId, l.title as Title, l.status as Status, top.quotes as Quotes
          from totals t
          left join lateral (select * from per order by quotes desc, listing_id limit 10) top on true
          left join listings l on l.tenant_id = @tenant and l.listing_id = top.listing_id
         order by top.quotes desc, top.listing_id
        """;
}

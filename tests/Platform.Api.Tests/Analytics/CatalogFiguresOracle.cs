using System.Text.Json;
using Npgsql;

namespace Platform.Api.Tests.Analytics;

/// <summary>
/// The catalog figures computed from scratch by plain SQL over the event table (days in the tenant's time
/// zone), and the same figures read off a /api/analytics/catalog answer, as flat name → value maps.
/// </summary>
internal static class CatalogFiguresOracle
{
    private const string Figures_ = """
        with ev as (
            select e.position, e.type, e.data, e.recorded_at, (e.recorded_at at time zone t.time_zone)::date as day,
                   (now() at time zone t.time_zone)::date as today
              from events e join tenants t on t.tenant_id = e.tenant_id
             where e.tenant_id = $1 and e.type like 'catalog.%'),
        status as (select data->>'listingId' as id, data->>'from' as old, data->>'to' as new, recorded_at, day, today, position
                     from ev where type = 'catalog.listing-status-changed.v1'),
        pub as (select id, min(recorded_at) as first_at, min(day) as first_day from status where new = 'published' group by id),
        exits as (select s.new, extract(epoch from s.recorded_at - p.first_at) as seconds from status s join pub p using (id)
                   where s.old in ('published', 'reserved') and s.new in ('sold', 'withdrawn') and s.day between $2 and $3),
        stock as (select p.first_day, s.today from (select distinct on (id) id, new, today from status order by id, position desc) s
                    join pub p using (id) where s.new in ('published', 'reserved')),
        drops as (select data->>'listingId' as id, (data->'from'->>'amount')::numeric as a, (data->'to'->>'amount')::numeric as b from ev
                   where type = 'catalog.listing-price-changed.v1' and day between $2 and $3 and data->'from'->>'currency' = data->'to'->>'currency'
                     and (data->'to'->>'amount')::numeric < (data->'from'->>'amount')::numeric and (data->'from'->>'amount')::numeric > 0),
        quotes as (select (data->>'listingId')::uuid as id, count(*) as n from ev
                    where type = 'catalog.quote-requested.v1' and day between $2 and $3 group by 1)
        select 'left', count(*)::numeric from exits
        union all select 'sold', count(*) from exits where new = 'sold'
        union all select 'withdrawn', count(*) from exits where new = 'withdrawn'
        union all select 'averageDays', round(avg(seconds) / 86400, 6) from exits
        union all select 'p90Days', round((percentile_cont(0.9) within group (order by seconds::float8) / 86400)::numeric, 6) from exits
        union all select 'inStock', count(*) from stock
        union all select 'averageAgeDays', round(avg(today - first_day), 2) from stock
        union all select 'drops', count(*) from drops
        union all select 'dropListings', count(distinct id) from drops
        union all select 'averageDropPercent', round(avg((a - b) * 100 / a), 2) from drops
        union all select 'quotes', coalesce(sum(n), 0) from quotes
        union all select 'quotedListings', count(*) from quotes
        union all select 'quotesPerListing', round(sum(n)::numeric / nullif(count(*), 0), 4) from quotes
        union all (select 'top:' || id, n from quotes order by n desc, id limit 10)
        """;

    public static Task<Dictionary<string, decimal>> FromEventsAsync(NpgsqlDataSource system, Guid tenantId, DateOnly from, DateOnly to) =>
        OracleQueries.FiguresAsync(system, Figures_, tenantId, from, to);

    public static Dictionary<string, decimal> Figures(JsonElement answer)
    {
        var figures = new Dictionary<string, decimal>();
        void Put(string key, JsonElement value)
        {
            if (OracleQueries.Number(value) is { } number) figures[key] = number;
        }
        var stock = answer.GetProperty("stock");
        Put("left", stock.GetProperty("left"));
        Put("sold", stock.GetProperty("sold"));
        Put("withdrawn", stock.GetProperty("withdrawn"));
        Put("averageDays", stock.GetProperty("averageDaysInStock"));
        Put("p90Days", stock.GetProperty("p90DaysInStock"));
        Put("inStock", stock.GetProperty("inStock"));
        Put("averageAgeDays", stock.GetProperty("averageAgeDays"));
        var drops = answer.GetProperty("priceDrops");
        Put("drops", drops.GetProperty("drops"));
        Put("dropListings", drops.GetProperty("listings"));
        Put("averageDropPercent", drops.GetProperty("averageDropPercent"));
        var quotes = answer.GetProperty("quotes");
        Put("quotes", quotes.GetProperty("quotes"));
        Put("quotedListings", quotes.GetProperty("listings"));
        Put("quotesPerListing", quotes.GetProperty("averagePerListing"));
        foreach (var top in quotes.GetProperty("top").EnumerateArray()) Put($"top:{top.GetProperty("listingId").GetGuid():D}", top.GetProperty("quotes"));
        return figures;
    }
}

using System.Globalization;

namespace Platform.Read.Catalog.Search;

/// <summary>The count of matches (up to one past the cap) and the facet counts over every match.</summary>
internal static class SearchSummarySql
{
    public const int TotalCap = 1000;

    public static SqlText Count(SearchScope scope, string? tsquery, SearchFilters filters)
    {
        var sql = new SqlText();
        var q = tsquery is null ? null : sql.Param(tsquery, "tsquery");
        sql.Append("select count(*) from (select 1");
        SearchFilterSql.AppendMatch(sql, scope, q, filters);
        sql.Append(string.Create(CultureInfo.InvariantCulture, $" limit {TotalCap + 1}) m"));
        return sql;
    }

    /// <summary>
    /// Rows of (facet, value, count). Brands and cities group by their folded key and show their most
    /// common spelling; years group in five-year bands; prices in 1-2-5 bands
    /// (1, 2, 5, 10, 20, 50 million...), whatever the currency.
    /// </summary>
    /// <paramref name="broad"/>: past the cap in the network, the counts describe the most relevant matches (see <see cref="SearchHitsSql"/>).
    public static SqlText Facets(SearchScope scope, string? tsquery, SearchFilters filters, bool broad)
    {
        var sql = new SqlText();
        var q = tsquery is null ? null : sql.Param(tsquery, "tsquery");
        sql.Append("with m as materialized (select s.brand_key, s.brand, s.fuel, s.transmission, s.city_key, s.city, s.year, s.price");
        if (broad) SearchHitsSql.AppendCandidates(sql, scope, q!, filters);
        else SearchFilterSql.AppendMatch(sql, scope, q, filters);
        sql.Append("""
            )
            select 'brand', mode() within group (order by brand), count(*) from m where brand_key is not null group by brand_key
            union all select 'fuel', fuel, count(*) from m where fuel is not null group by fuel
            union all select 'transmission', transmission, count(*) from m where transmission is not null group by transmission
            union all select 'city', mode() within group (order by city), count(*) from m group by city_key
            union all select 'year', (year / 5 * 5)::text, count(*) from m where year is not null group by year / 5 * 5
            union all select 'price', band::text, count(*)
              from (select (case when price / unit >= 5 then 5 when price / unit >= 2 then 2 else 1 end * unit)::bigint as band
                      from (select price::float8 as price, power(10::float8, floor(log(price::float8) + 1e-9)) as unit from m where price > 0) p) b
             group by band
            """);
        return sql;
    }
}

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
    /// Rows of (facet, value, count) in one pass over the matches (grouping sets): brands and cities
    /// group by their folded key and show one spelling, years group in five-year bands, prices in
    /// 1-2-5 bands (1, 2, 5, 10, 20, 50 million...), whatever the currency. Every match has a city,
    /// so the city counts add up to the number of matches. A null value (a property has no brand) is
    /// the caller's to drop. <paramref name="broad"/>: past the cap in the network, the counts
    /// describe the most relevant matches (see <see cref="SearchHitsSql"/>).
    /// </summary>
    public static SqlText Facets(SearchScope scope, string? tsquery, SearchFilters filters, bool broad)
    {
        var sql = new SqlText();
        var q = tsquery is null ? null : sql.Param(tsquery, "tsquery");
        sql.Append("""
            select case when grouping(brand_key) = 0 then 'brand' when grouping(fuel) = 0 then 'fuel'
                        when grouping(transmission) = 0 then 'transmission' when grouping(city_key) = 0 then 'city'
                        when grouping(year_band) = 0 then 'year' else 'price' end,
                   case when grouping(brand_key) = 0 then min(brand) when grouping(fuel) = 0 then fuel
                        when grouping(transmission) = 0 then transmission when grouping(city_key) = 0 then min(city)
                        when grouping(year_band) = 0 then year_band::text else price_band::text end,
                   count(*)
              from (select m.brand_key, m.brand, m.fuel, m.transmission, m.city_key, m.city, m.year / 5 * 5 as year_band,
                           (case when m.price / u.unit >= 5 then 5 when m.price / u.unit >= 2 then 2 else 1 end * u.unit)::bigint as price_band
                      from (select s.brand_key, s.brand, s.fuel, s.transmission, s.city_key, s.city, s.year, s.price::float8 as price
            """);
        if (broad) SearchHitsSql.AppendCandidates(sql, scope, q!, filters);
        else SearchFilterSql.AppendMatch(sql, scope, q, filters);
        sql.Append("""
            ) m cross join lateral (select power(10::float8, floor(log(greatest(m.price, 0.01)) + 1e-9)) as unit) u) m
             group by grouping sets ((brand_key), (fuel), (transmission), (city_key), (year_band), (price_band))
            """);
        return sql;
    }
}

using System.Globalization;

namespace Platform.Read.Catalog.Search;

/// <summary>
/// The page of hits as one statement: matches with their sort key, after the cursor, in key order,
/// one more than the page to tell whether another follows; snippets are made for the page's rows only.
/// Relevance is ln(text rank, weighted title A, brand and model B, description C, the rest D) plus
/// the stored boost (featured, and publication time over a constant, which orders like a decay
/// without depending on the clock, so a cursor's score stays valid).
/// </summary>
internal static class SearchHitsSql
{
    /// <param name="broad">
    /// A network query with more matches than the cap, ranked by relevance: RUM hands over the most
    /// relevant thousand by text in order from the index, and only those are scored with the boosts,
    /// instead of scoring tens of thousands of matches.
    /// </param>
    public static SqlText Build(SearchScope scope, string? tsquery, SearchQuery query, SearchCursor? cursor, bool broad)
    {
        var sql = new SqlText();
        var q = tsquery is null ? null : sql.Param(tsquery, "tsquery");
        var (key, descending) = query.Sort switch
        {
            SearchSort.Relevance => (q is null ? "s.boost" : $"ln(greatest(ts_rank({SearchFilterSql.Weights}, s.search, {q}), 1e-9)) + s.boost", true),
            SearchSort.PriceAsc => ("s.price", false),
            SearchSort.PriceDesc => ("s.price", true),
            SearchSort.YearDesc => ("coalesce(s.year, 0)", true),
            _ => ("s.published_at", true),
        };
        var snippet = q is null
            ? "left(s.description, 200)"
            : $"""ts_headline('{SearchText.Configuration}', left(s.description, 1000), {q}, 'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')""";
        // Slugs and snippets are made in the outer query, for the page's rows only; a snippet comes from
        // the description's first thousand characters, since highlighting costs in proportion to length.
        sql.Append($"""
            select s.listing_id, s.tenant_id, {scope.SlugColumn}, s.kind, s.title, {snippet}, s.price, s.currency, s.city, s.featured,
                   s.images ->> 0, s.year, s.km, s.brand, s.model, s.fuel, s.transmission, s.published_at, s.sort_key
            """);
        sql.Append($" from (select s.* from (select s.*, {key} as sort_key");
        if (broad) AppendCandidates(sql, scope, q!, query.Filters);
        else SearchFilterSql.AppendMatch(sql, scope, q, query.Filters);
        var direction = descending ? "desc" : "asc";
        sql.Append(") s");
        if (cursor is not null)
        {
            var type = query.Sort switch
            {
                SearchSort.Relevance => "float8",
                SearchSort.PriceAsc or SearchSort.PriceDesc => "numeric",
                SearchSort.YearDesc => "int",
                _ => "timestamptz",
            };
            sql.Append($" where (s.sort_key, s.listing_id) {(descending ? "<" : ">")} ({sql.Param(cursor.Key, type)}, {sql.Param(cursor.Id, "uuid")})");
        }
        sql.Append($" order by s.sort_key {direction}, s.listing_id {direction} limit {sql.Param(query.Page.Limit + 1, "int")}) s");
        sql.Append($" order by s.sort_key {direction}, s.listing_id {direction}");
        return sql;
    }

    /// <summary>
    /// <c>from (the most relevant matches by text, from the RUM index) s where true</c>. No tie-break on
    /// the id: it would take the index's order away; matches tied at the thousandth may trade places.
    /// </summary>
    public static void AppendCandidates(SqlText sql, SearchScope scope, string tsquery, SearchFilters filters)
    {
        ArgumentNullException.ThrowIfNull(sql);
        sql.Append(" from (select s.*");
        SearchFilterSql.AppendMatch(sql, scope, tsquery, filters);
        sql.Append(string.Create(CultureInfo.InvariantCulture,
            $" order by s.search <=> {tsquery} limit {SearchScope.NetworkCandidates}) s where true"));
    }
}

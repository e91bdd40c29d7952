using Npgsql;
using Platform.Read.Tenancy;

namespace Platform.Read.Catalog.Search;

/// <summary>
/// <see cref="ICatalogSearch"/> on PostgreSQL full-text search over the catalog-search projection.
/// A tenant's search runs through <see cref="TenantReads"/>, so row-level security keeps it to that
/// tenant; network search reads the network table in the network scope. One round trip makes the text
/// query (synonyms, prefix), one more brings hits and facets together (the facets' city counts add up
/// to the total); a query that finds nothing tries once more with typos corrected from the vocabulary.
/// </summary>
public sealed class PostgresCatalogSearch(TenantReads tenants, PublicReads publicReads) : ICatalogSearch
{
    private bool? rum;

    public async Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!SearchCursor.TryRead(query, out var cursor))
            throw new ArgumentException("The cursor is not one a page of this query wrote.", nameof(query));
        var terms = QueryTerms.Parse(query.Text);
        if (query.TenantId is { } tenant)
            return await tenants.QueryAsync(tenant, (c, t) => SearchAsync(c, t, new SearchScope(tenant, false), terms, query, cursor, ct), ct);
        try
        {
            return await publicReads.NetworkAsync(async (c, t) =>
                await SearchAsync(c, t, new SearchScope(null, rum ??= await HasRumAsync(c, t, ct)), terms, query, cursor, ct), ct);
        }
        catch (PostgresException error) when (PublicReads.NotBuiltYet(error))
        {
            return new SearchResult([], 0, false, [], null, null);
        }
    }

    public Task<PublicListing?> GetPublishedAsync(Guid tenantId, Guid listingId, CancellationToken ct) =>
        tenants.QueryAsync(tenantId, (c, t) => PublicListingQuery.ReadAsync(c, t, tenantId, listingId, ct), ct);

    public Task<CatalogTenant?> FindTenantAsync(string slug, CancellationToken ct) => publicReads.FindTenantAsync(slug, ct);

    internal static async Task<SearchResult> SearchAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, SearchScope scope, QueryTerms terms, SearchQuery query,
        SearchCursor? cursor, CancellationToken ct)
    {
        var result = await RunAsync(connection, transaction, scope, terms, query, cursor, ct);
        if (result.TotalCount > 0 || terms.IsEmpty) return result;
        var corrected = await TypoCorrection.CorrectAsync(connection, transaction, scope, terms, ct);
        if (corrected is null) return result;
        return await RunAsync(connection, transaction, scope, corrected, query, cursor, ct) with { CorrectedText = corrected.ToString() };
    }

    private static async Task<SearchResult> RunAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, SearchScope scope, QueryTerms terms, SearchQuery query,
        SearchCursor? cursor, CancellationToken ct)
    {
        string? tsquery = null;
        if (!terms.IsEmpty)
        {
            await using var build = terms.BuildSql(scope).ToCommand(connection, transaction);
            tsquery = await build.ExecuteScalarAsync(ct) as string;
        }
        // A broad network query is counted first: past the cap it is ranked from the RUM index.
        long? counted = scope.IsNetwork && scope.Rum && tsquery is not null && query.Sort == SearchSort.Relevance
            ? await CountAsync(connection, transaction, scope, tsquery, query.Filters, ct)
            : null;
        var broad = counted > SearchSummarySql.TotalCap;
        await using var batch = new NpgsqlBatch(connection, transaction);
        // Compiling a plan costs tens of milliseconds, more than these queries take to run; and the planner
        // would trade a broad query's ordered RUM scan (10 ms for 7,000 matches) for a scan and a sort (100 ms).
        var scans = broad ? "off" : "on";
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            $"select set_config('jit', 'off', true), set_config('enable_bitmapscan', '{scans}', true), set_config('enable_seqscan', '{scans}', true)"));
        batch.BatchCommands.Add(SearchHitsSql.Build(scope, tsquery, query, cursor, broad).ToBatchCommand());
        batch.BatchCommands.Add(SearchSummarySql.Facets(scope, tsquery, query.Filters, broad).ToBatchCommand());
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        var (hits, next) = await SearchHits.ReadAsync(reader, query, ct);
        await reader.NextResultAsync(ct);
        var facets = new List<(string, string, long)>();
        while (await reader.ReadAsync(ct))
            if (!reader.IsDBNull(1)) facets.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        var count = counted ?? facets.Where(f => f.Item1 == "city").Sum(f => f.Item3);
        var capped = count > SearchSummarySql.TotalCap;
        return new SearchResult(hits, capped ? SearchSummarySql.TotalCap : count, capped, FacetLabels.Build(facets), next, null);
    }

    private static async Task<long> CountAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, SearchScope scope, string tsquery, SearchFilters filters, CancellationToken ct)
    {
        await using var count = SearchSummarySql.Count(scope, tsquery, filters).ToCommand(connection, transaction);
        return (long)(await count.ExecuteScalarAsync(ct))!;
    }

    private static async Task<bool> HasRumAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("select exists (select from pg_extension where extname = 'rum')", connection, transaction);
        return await command.ExecuteScalarAsync(ct) is true;
    }
}

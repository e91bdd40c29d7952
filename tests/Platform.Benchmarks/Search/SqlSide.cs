using Npgsql;
using Platform.Read.Catalog.Search;

namespace Platform.Benchmarks.Search;

/// <summary>
/// The baseline: the very statements a search sends, on the application role's pooled connections,
/// with no HTTP, routing, pipeline or JSON: the slug lookup, the transaction with the tenant (or the
/// network scope) set, the text query, hits with count and facets, and typo correction when needed.
/// </summary>
internal sealed class SqlSide(NpgsqlDataSource application)
{
    private bool? rum;

    public async Task<long> RunAsync(SearchCase search, SearchQuery query, CancellationToken ct)
    {
        await using var connection = await application.OpenConnectionAsync(ct);
        if (search.Slug is { } slug)
        {
            await using var find = new NpgsqlCommand($"select tenant_id, slug, name from {CatalogSearchViews.FindTenantFunction}($1)", connection);
            find.Parameters.Add(new() { Value = slug });
            await using var reader = await find.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct)) throw new InvalidOperationException($"No tenant {slug}.");
        }
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var set = new NpgsqlCommand("select set_config($1, $2, true)", connection, transaction))
        {
            set.Parameters.Add(new() { Value = query.TenantId is null ? CatalogSearchViews.ScopeSetting : "platform.tenant_id" });
            set.Parameters.Add(new() { Value = query.TenantId?.ToString("D") ?? "network" });
            await set.ExecuteNonQueryAsync(ct);
        }
        if (query.TenantId is null) rum ??= await HasRumAsync(connection, transaction, ct);
        var scope = new SearchScope(query.TenantId, query.TenantId is null && rum == true);
        var result = await PostgresCatalogSearch.SearchAsync(connection, transaction, scope, QueryTerms.Parse(query.Text), query, null, ct);
        await transaction.CommitAsync(ct);
        return result.TotalCount;
    }

    private static async Task<bool> HasRumAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("select exists (select from pg_extension where extname = 'rum')", connection, transaction);
        return await command.ExecuteScalarAsync(ct) is true;
    }
}

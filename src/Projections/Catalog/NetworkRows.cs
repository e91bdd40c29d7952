using Npgsql;
using Platform.Projections.Daemon;
using Platform.Read.Catalog.Search;

namespace Platform.Projections.Catalog;

/// <summary>
/// The network table: a copy of the published listings of tenants that are active and in the
/// network, and nothing else, so network search never has to look past row-level security.
/// </summary>
internal static class NetworkRows
{
    /// <summary>Brings the network's copies of these listings in line with their rows, just written.</summary>
    public static IEnumerable<NpgsqlBatchCommand> Sync(ProjectionContext context, IReadOnlyList<ListingDocument> documents)
    {
        var network = context.Table(CatalogSearchViews.Network);
        object[] keys = [documents.Select(d => d.TenantId).ToArray(), documents.Select(d => d.ListingId).ToArray()];
        yield return WordCounts.Command(
            $"delete from {network} where (tenant_id, listing_id) in (select * from unnest($1::uuid[], $2::uuid[]))", keys);
        yield return WordCounts.Command(
            Copy(context, "(l.tenant_id, l.listing_id) in (select * from unnest($1::uuid[], $2::uuid[]))"), keys);
    }

    /// <summary>A tenant's published listings enter the network, or all of them leave it.</summary>
    public static NpgsqlBatchCommand MoveTenant(ProjectionContext context, Guid tenant, bool joins) => joins
        ? WordCounts.Command(Copy(context, "l.tenant_id = $1"), tenant)
        : WordCounts.Command($"delete from {context.Table(CatalogSearchViews.Network)} where tenant_id = $1", tenant);

    private static string Copy(ProjectionContext context, string where) => $"""
        insert into {context.Table(CatalogSearchViews.Network)} ({CatalogSearchTables.DocumentColumns}, tenant_slug)
        select {Prefixed("l.")}, t.slug
          from {context.Table(CatalogSearchViews.Listings)} l
          join {context.Table(CatalogSearchViews.Tenants)} t on t.tenant_id = l.tenant_id and t.active and t.network_member
         where {where} and l.status = 'published'
        on conflict (tenant_id, listing_id) do nothing
        """;

    private static string Prefixed(string alias) =>
        string.Join(", ", CatalogSearchTables.DocumentColumns.Split(',', StringSplitOptions.TrimEntries).Select(c => alias + c));
}

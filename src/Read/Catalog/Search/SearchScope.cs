namespace Platform.Read.Catalog.Search;

/// <summary>
/// Where a search looks: one tenant's listings (row-level security keeps it there), or the network
/// table of published listings of tenants that opted in. <see cref="Rum"/>: the network table has a
/// RUM index, which hands over the most relevant matches in order without scoring them all.
/// </summary>
internal sealed record SearchScope(Guid? TenantId, bool Rum)
{
    /// <summary>Network relevance ranks this many text matches, the most relevant first, then applies the boosts.</summary>
    public const int NetworkCandidates = 1000;

    public bool IsNetwork => TenantId is null;

    public string Table => IsNetwork ? CatalogSearchViews.Network : CatalogSearchViews.Listings;

    public string Vocabulary => IsNetwork ? CatalogSearchViews.NetworkVocabulary : CatalogSearchViews.Vocabulary;

    public string Synonyms => IsNetwork ? CatalogSearchViews.NetworkSynonyms : CatalogSearchViews.Synonyms;

    /// <summary>The tenant's slug for each hit row <c>s</c>.</summary>
    public string SlugColumn => IsNetwork
        ? "s.tenant_slug"
        : $"(select t.slug from {CatalogSearchViews.Tenants} t where t.tenant_id = s.tenant_id)";

    /// <summary>The scope's own condition; the tenant's is repeated in the SQL so the partial indexes apply.</summary>
    public void AppendBase(SqlText sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        sql.Append($" from {Table} s where ");
        sql.Append(TenantId is { } tenant ? $"s.tenant_id = {sql.Param(tenant, "uuid")} and s.status = 'published'" : "true");
    }

    /// <summary>The tenant condition alone, for the vocabulary and synonym tables.</summary>
    public string TenantCondition(SqlText sql, string alias)
    {
        ArgumentNullException.ThrowIfNull(sql);
        return TenantId is { } tenant ? $"{alias}.tenant_id = {sql.Param(tenant, "uuid")} and " : "";
    }
}

namespace Platform.Read.Catalog.Search;

/// <summary>
/// The read views the catalog-search projection keeps and the queries read: the contract between
/// the two. Each is a view the projection daemon points at the serving generation's table.
/// </summary>
public static class CatalogSearchViews
{
    /// <summary>One row per listing of every status, keyed (tenant_id, listing_id); row-level security by tenant.</summary>
    public const string Listings = "catalog_search";

    /// <summary>Published listings of tenants in the network only, with their tenant's slug; read in the network scope.</summary>
    public const string Network = "catalog_network";

    /// <summary>Slug, name, active and network membership of every tenant.</summary>
    public const string Tenants = "catalog_tenants";

    /// <summary>Words of published titles, brands and models per tenant, with how many listings use them.</summary>
    public const string Vocabulary = "catalog_vocabulary";

    /// <summary>The same words summed over the network's tenants; holds nothing but public words, so no tenant column.</summary>
    public const string NetworkVocabulary = "catalog_network_vocabulary";

    /// <summary>Per tenant: a lexeme and the query its synonym group stands for.</summary>
    public const string Synonyms = "catalog_synonyms";

    /// <summary>The default synonym groups, which network search applies.</summary>
    public const string NetworkSynonyms = "catalog_network_synonyms";

    /// <summary>The setting a transaction sets to 'network' to read <see cref="Network"/>; without it the table shows nothing.</summary>
    public const string ScopeSetting = "platform.search_scope";

    /// <summary>The one door past row-level security for anonymous buyers: an active tenant by its exact slug.</summary>
    public const string FindTenantFunction = "catalog_find_tenant";

    /// <summary>Seconds in the freshness constant: a listing published this much later ranks e times higher.</summary>
    public const double FreshnessSeconds = 90 * 24 * 3600;

    /// <summary>What a featured listing adds to the natural log of its score.</summary>
    public const double FeaturedBoost = 0.5;
}

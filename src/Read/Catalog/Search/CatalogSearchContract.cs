using Platform.Read.Paging;

namespace Platform.Read.Catalog.Search;

/// <summary>
/// Buyers' search over published listings. PostgreSQL full-text search implements it today; an
/// Elasticsearch read model could implement the same interface once catalogs outgrow it.
/// </summary>
public interface ICatalogSearch
{
    /// <summary>One tenant's published listings (<see cref="SearchQuery.TenantId"/>), or the network's when it is null.</summary>
    Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken ct);

    /// <summary>A published listing of the tenant, or null (a draft, another tenant's, none: all the same).</summary>
    Task<PublicListing?> GetPublishedAsync(Guid tenantId, Guid listingId, CancellationToken ct);

    /// <summary>The active tenant whose public catalog is at <paramref name="slug"/>, or null (unknown and deactivated alike).</summary>
    Task<CatalogTenant?> FindTenantAsync(string slug, CancellationToken ct);
}

/// <summary>A tenant as buyers meet it: the slug in its catalog's address and its name.</summary>
public sealed record CatalogTenant(Guid TenantId, string Slug, string Name);

public enum SearchSort { Relevance, PriceAsc, PriceDesc, YearDesc, Newest }

/// <summary>Ranges are inclusive; lists match any of their values; <see cref="Attributes"/> matches any other attribute exactly.</summary>
public sealed record SearchFilters(
    string? Kind = null, decimal? PriceMin = null, decimal? PriceMax = null, int? YearMin = null, int? YearMax = null, int? KmMax = null,
    IReadOnlyList<string>? Brands = null, IReadOnlyList<string>? Fuels = null, IReadOnlyList<string>? Transmissions = null,
    IReadOnlyList<string>? Cities = null, IReadOnlyDictionary<string, string>? Attributes = null);

public sealed record SearchQuery(Guid? TenantId, string? Text, SearchFilters Filters, SearchSort Sort, PageRequest Page);

/// <summary>
/// <see cref="TotalCount"/> is exact up to a cap; past it <see cref="TotalCapped"/> is set and pages show "1000+".
/// <see cref="CorrectedText"/> is the query as typo correction rewrote it, when the original found nothing.
/// </summary>
public sealed record SearchResult(
    IReadOnlyList<SearchHit> Hits, long TotalCount, bool TotalCapped, IReadOnlyList<Facet> Facets, string? NextCursor, string? CorrectedText);

/// <summary><see cref="Snippet"/> is HTML-escaped text with matches wrapped in &lt;mark&gt;.</summary>
public sealed record SearchHit(
    Guid ListingId, Guid TenantId, string TenantSlug, string Kind, string Title, string Snippet, decimal Price, string Currency,
    string City, bool Featured, string? ImageUrl, int? Year, int? Km, string? Brand, string? Model, string? Fuel, string? Transmission,
    DateTimeOffset PublishedAt);

public sealed record Facet(string Name, IReadOnlyList<FacetValue> Values);

public sealed record FacetValue(string Value, long Count);

/// <summary>What a buyer sees of one published listing; <see cref="PreviousPrice"/> is the price before the last change, if any.</summary>
public sealed record PublicListing(
    Guid ListingId, Guid TenantId, string TenantSlug, string TenantName, string Kind, string Title, string Description, string City,
    decimal Price, string Currency, decimal? PreviousPrice, bool Featured, IReadOnlyList<string> Images,
    IReadOnlyDictionary<string, string> Attributes, DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt);

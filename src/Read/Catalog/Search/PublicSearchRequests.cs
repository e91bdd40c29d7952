using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Platform.Read.Catalog.Search;

/// <summary>A buyer searches a tenant's public catalog by its slug; null when no active tenant has that slug.</summary>
[AllowAnonymous]
public sealed record SearchTenantCatalog(string TenantSlug, SearchQuery Query) : IRequest<SearchResult?>;

/// <summary>A buyer searches the published listings of every tenant in the network.</summary>
[AllowAnonymous]
public sealed record SearchNetworkCatalog(SearchQuery Query) : IRequest<SearchResult>;

/// <summary>A published listing of the tenant at the slug; null for a draft, another tenant's listing or an unknown slug alike.</summary>
[AllowAnonymous]
public sealed record GetPublicListing(string TenantSlug, Guid ListingId) : IRequest<PublicListing?>;

public sealed class PublicSearchHandlers(ICatalogSearch search) :
    IRequestHandler<SearchTenantCatalog, SearchResult?>, IRequestHandler<SearchNetworkCatalog, SearchResult>,
    IRequestHandler<GetPublicListing, PublicListing?>
{
    public async Task<SearchResult?> Handle(SearchTenantCatalog request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tenant = await search.FindTenantAsync(request.TenantSlug, cancellationToken);
        return tenant is null ? null : await search.SearchAsync(request.Query with { TenantId = tenant.TenantId }, cancellationToken);
    }

    public Task<SearchResult> Handle(SearchNetworkCatalog request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return search.SearchAsync(request.Query with { TenantId = null }, cancellationToken);
    }

    public async Task<PublicListing?> Handle(GetPublicListing request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tenant = await search.FindTenantAsync(request.TenantSlug, cancellationToken);
        return tenant is null ? null : await search.GetPublishedAsync(tenant.TenantId, request.ListingId, cancellationToken);
    }
}

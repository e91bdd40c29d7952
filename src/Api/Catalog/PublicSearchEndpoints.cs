using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Http;
using Platform.Read.Catalog.Search;
using Platform.Write.Domain;

namespace Platform.Api.Catalog;

/// <summary>
/// /api/public: buyers' search, no sign-in. A tenant's published listings by its slug, one of them by
/// id, and the network of tenants that opted in. Answers are cached briefly per address and query
/// (Platform:PublicSearch:CacheSeconds) and anonymous callers share the per-address rate limit.
/// </summary>
internal static class PublicSearchEndpoints
{
    public const string CachePolicy = "public-search";

    public static IEndpointRouteBuilder MapPublicSearchEndpoints(this IEndpointRouteBuilder app, bool cached)
    {
        var group = app.MapGroup("/api/public").WithTags("Public catalog");
        if (cached) group.CacheOutput(CachePolicy);
        group.MapGet("/network/listings", SearchNetwork).Sends<SearchNetworkCatalog>()
            .WithName("SearchNetworkListings").WithSummary("Published listings of every tenant in the network: text, filters, facets, sort, keyset pages.");
        group.MapGet("/{tenantSlug}/listings", SearchTenant).Sends<SearchTenantCatalog>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("SearchPublicListings").WithSummary("A tenant's published listings: Spanish full-text search with typo correction, filters, facets, sorts, keyset pages.");
        group.MapGet("/{tenantSlug}/listings/{id}", GetListing).Sends<GetPublicListing>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetPublicListing").WithSummary("One published listing of the tenant; a draft or another tenant's listing is 404.");
        return app;
    }

    private static async Task<Ok<SearchResult>> SearchNetwork(HttpRequest request, IMediator mediator, CancellationToken ct)
    {
        var query = PublicSearchParameters.Parse(request.Query);
        PublicSearchParameters.EnsureCursorFits(query);
        return TypedResults.Ok(await mediator.Send(new SearchNetworkCatalog(query), ct));
    }

    private static async Task<Ok<SearchResult>> SearchTenant(string tenantSlug, HttpRequest request, IMediator mediator, CancellationToken ct)
    {
        var query = PublicSearchParameters.Parse(request.Query);
        PublicSearchParameters.EnsureCursorFits(query);
        return TypedResults.Ok(await mediator.Send(new SearchTenantCatalog(tenantSlug, query), ct) ?? throw new NotFoundException("el catálogo"));
    }

    private static async Task<Ok<PublicListing>> GetListing(string tenantSlug, Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetPublicListing(tenantSlug, id), ct) ?? throw new NotFoundException("la publicación"));
}

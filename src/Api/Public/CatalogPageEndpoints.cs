using Microsoft.AspNetCore.Mvc;
using Platform.Read.Catalog.Search;

namespace Platform.Api.Public;

/// <summary>The buyers' pages: /catalogo/{slug} (search) and /catalogo/{slug}/{id} (one listing), server-rendered in Spanish.</summary>
internal static class CatalogPageEndpoints
{
    public static IEndpointRouteBuilder MapCatalogPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup(CatalogAddresses.Root + "/{slug}").AllowAnonymous();
        pages.MapGet("", Catalog).WithName("CatalogPage").ExcludeFromDescription();
        pages.MapGet("/{id:guid}", Listing).WithName("ListingPage").ExcludeFromDescription();
        pages.MapGet("/{id:guid}/gracias", Thanks).WithName("QuoteSentPage").ExcludeFromDescription();
        pages.MapQuoteForm();
        return app;
    }

    private static async Task<IResult> Catalog(
        string slug, HttpRequest request, PublicTenants tenants, [FromServices] ICatalogSearch search, IConfiguration configuration, CancellationToken ct)
    {
        if (await tenants.FindAsync(slug, ct) is not { } tenant) return MissingCatalog();
        var query = CatalogQuery.From(request.Query);
        SearchResult result;
        try
        {
            result = await search.SearchAsync(query.ToSearch(tenant.TenantId), ct);
        }
        catch (ArgumentException) when (query.Cursor is not null)
        {
            // A cursor from another query or an edited address: show the first page rather than an error.
            query = query.WithCursor(null);
            result = await search.SearchAsync(query.ToSearch(tenant.TenantId), ct);
        }
        var view = new CatalogView(tenant, query, result, CatalogAddresses.Origin(request, configuration));
        return request.Query["parcial"] == "1" ? PageResults.Ok(CatalogPage.Results(view)) : PageResults.Ok(CatalogPage.Render(view));
    }

    private static async Task<IResult> Listing(
        string slug, Guid id, HttpRequest request, PublicTenants tenants, [FromServices] ICatalogSearch search, IConfiguration configuration, CancellationToken ct)
    {
        if (await tenants.FindAsync(slug, ct) is not { } tenant) return MissingCatalog();
        if (await search.GetPublishedAsync(tenant.TenantId, id, ct) is not { } listing) return MissingListing(tenant);
        return PageResults.Ok(ListingPage.Render(new ListingView(tenant, listing, CatalogAddresses.Origin(request, configuration), QuoteFormState.For(listing.Title))));
    }

    private static async Task<IResult> Thanks(string slug, Guid id, PublicTenants tenants, [FromServices] ICatalogSearch search, CancellationToken ct)
    {
        if (await tenants.FindAsync(slug, ct) is not { } tenant) return MissingCatalog();
        var listing = await search.GetPublishedAsync(tenant.TenantId, id, ct);
        var about = listing is null ? "" : $" sobre «{listing.Title}»";
        return PageResults.Answer(MessagePage.Render(new MessageView(
            "¡Solicitud enviada!", $"Recibimos tu solicitud{about}. {tenant.Name} te contactará pronto.",
            (CatalogAddresses.Home(tenant.Slug), "Seguir viendo el catálogo"), tenant.Name, CatalogAddresses.Home(tenant.Slug))));
    }

    public static IResult MissingCatalog() => PageResults.NotFound(MessagePage.Render(new MessageView(
        "Catálogo no encontrado", "No encontramos este catálogo. Revisa la dirección.", null)));

    public static IResult MissingListing(PublicTenant tenant) => PageResults.NotFound(MessagePage.Render(new MessageView(
        "Publicación no disponible", "Esta publicación ya no está disponible. Mira las demás del catálogo.",
        (CatalogAddresses.Home(tenant.Slug), "Ver el catálogo"), tenant.Name, CatalogAddresses.Home(tenant.Slug))));
}

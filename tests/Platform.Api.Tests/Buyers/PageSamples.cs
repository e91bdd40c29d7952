using Platform.Api.Public;
using Platform.Read.Catalog.Search;

namespace Platform.Api.Tests.Buyers;

/// <summary>Hand-built search results and listings, for rendering the pages without a database.</summary>
internal static class PageSamples
{
    public const string Hostile = "</script><script>alert(1)</script>\"'&<b>";

    public static readonly PublicTenant Tenant = new(Guid.CreateVersion7(), "autos-medellin", "Autos Medellín <S.A.S>", "CO", "COP");

    public static SearchHit Hit(string title = "Toyota Hilux 2.8 SRV diésel", decimal price = 182_000_000m, string? image = "https://fotos.example.com/hilux.jpg") => new(
        Guid.CreateVersion7(), Tenant.TenantId, Tenant.Slug, "vehicle", title, "Camioneta <mark>Hilux</mark> &amp; diésel", price, "COP", "Medellín",
        true, image, 2021, 48_000, "Toyota", "Hilux", "diesel", "automatic", DateTimeOffset.Parse("2026-03-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public static SearchResult Result(IReadOnlyList<SearchHit> hits, long total = 2, bool capped = false, string? next = null, string? corrected = null) => new(
        hits, total, capped,
        [
            new Facet("brand", [new FacetValue("Toyota", 12), new FacetValue("Chevrolet", 7)]),
            new Facet("fuel", [new FacetValue("diesel", 9), new FacetValue("gasoline", 10)]),
            new Facet("year", [new FacetValue("2020-2024", 8), new FacetValue("2015-2019", 11)]),
        ],
        next, corrected);

    public static PublicListing Listing(string title = "Toyota Hilux 2.8 SRV diésel", decimal? previous = 190_000_000m) => new(
        Guid.CreateVersion7(), Tenant.TenantId, Tenant.Slug, Tenant.Name, "vehicle", title,
        "Única dueña.\nMantenimientos en concesionario.", "Medellín", 182_000_000m, "COP", previous, true,
        ["https://fotos.example.com/hilux-1.jpg", "https://fotos.example.com/hilux-2.jpg", "javascript:alert(1)"],
        new Dictionary<string, string>
        {
            ["brand"] = "Toyota", ["model"] = "Hilux", ["year"] = "2021", ["km"] = "48000", ["fuel"] = "diesel", ["transmission"] = "automatic",
        },
        DateTimeOffset.Parse("2026-03-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        DateTimeOffset.Parse("2026-03-05T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public static string Catalog(SearchResult result, CatalogQuery? query = null) =>
        CatalogPage.Render(new CatalogView(Tenant, query ?? CatalogQuery.Empty, result, "https://autos.example.com")).Value;

    public static string ListingPageOf(PublicListing listing) =>
        ListingPage.Render(new ListingView(Tenant, listing, "https://autos.example.com", QuoteFormState.For(listing.Title))).Value;
}

namespace Platform.Api.Public;

/// <summary>
/// Where the catalog pages live. Under /catalogo/, so a business's slug never meets /api, /docs,
/// /health or /openapi. Absolute addresses (canonical, sitemap) start from Platform:Public:BaseUrl
/// when it is set, since behind a proxy the request's own host may not be the public one.
/// </summary>
internal static class CatalogAddresses
{
    public const string Root = "/catalogo";

    public static string Home(string slug) => $"{Root}/{slug}";

    public static string Listing(string slug, Guid listingId) => $"{Root}/{slug}/{listingId:D}";

    public static string QuoteForm(string slug, Guid listingId) => $"{Listing(slug, listingId)}/cotizar";

    public static string Sitemap(string slug) => $"{Root}/{slug}/sitemap.xml";

    public static string Origin(HttpRequest request, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration["Platform:Public:BaseUrl"];
        return string.IsNullOrWhiteSpace(configured) ? $"{request.Scheme}://{request.Host.Value}" : configured.TrimEnd('/');
    }
}

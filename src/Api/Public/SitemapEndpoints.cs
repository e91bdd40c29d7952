using System.Globalization;
using System.Text;
using System.Xml;
using Dapper;
using Platform.Read.Tenancy;

namespace Platform.Api.Public;

/// <summary>
/// What search engines read first: /catalogo/{slug}/sitemap.xml (the catalog and each published
/// listing) and /catalogo/{slug}/robots.txt, which is the root robots.txt when a business's own
/// domain is served from its catalog's path; /robots.txt keeps crawlers out of the API.
/// </summary>
internal static class SitemapEndpoints
{
    /// <summary>The sitemap protocol's limit for one file.</summary>
    public const int MaxUrls = 50_000;

    public static IEndpointRouteBuilder MapSitemapEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/robots.txt", () => Text("User-agent: *\nAllow: /catalogo/\nDisallow: /api/\nDisallow: /openapi/\nDisallow: /docs/\n"))
            .AllowAnonymous().ExcludeFromDescription();
        var tenant = app.MapGroup(CatalogAddresses.Root + "/{slug}").AllowAnonymous().ExcludeFromDescription();
        tenant.MapGet("/sitemap.xml", Sitemap);
        tenant.MapGet("/robots.txt", Robots);
        return app;
    }

    private static async Task<IResult> Robots(string slug, HttpRequest request, PublicTenants tenants, IConfiguration configuration, CancellationToken ct)
    {
        if (await tenants.FindAsync(slug, ct) is not { } found) return Results.NotFound();
        var home = CatalogAddresses.Home(found.Slug);
        return Text($"User-agent: *\nAllow: {home}\nDisallow: {home}/*/cotizar\nDisallow: {home}/*/gracias\nDisallow: /api/\n" +
            $"Sitemap: {CatalogAddresses.Origin(request, configuration)}{CatalogAddresses.Sitemap(found.Slug)}\n");
    }

    private static async Task<IResult> Sitemap(
        string slug, HttpRequest request, PublicTenants tenants, TenantReads reads, IConfiguration configuration, CancellationToken ct)
    {
        if (await tenants.FindAsync(slug, ct) is not { } found) return Results.NotFound();
        // The catalog's own table, in the tenant's transaction: only what is published now, newest change first.
        var listings = await reads.QueryAsync(found.TenantId, async (connection, tx) => (await connection.QueryAsync<(Guid Id, DateTime UpdatedAt)>(
            new CommandDefinition(
                "select listing_id, updated_at from listings where tenant_id = @tenant and status = 'published' order by updated_at desc limit @limit",
                new { tenant = found.TenantId, limit = MaxUrls - 1 }, tx, cancellationToken: ct))).ToList(), ct);

        var origin = CatalogAddresses.Origin(request, configuration);
        var xml = new StringBuilder();
        await using (var writer = XmlWriter.Create(xml, new XmlWriterSettings { Async = true, Indent = true, OmitXmlDeclaration = true }))
        {
            await writer.WriteStartElementAsync(null, "urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            await UrlAsync(writer, origin + CatalogAddresses.Home(found.Slug), listings.Count > 0 ? listings[0].UpdatedAt : null);
            foreach (var (id, updatedAt) in listings) await UrlAsync(writer, origin + CatalogAddresses.Listing(found.Slug, id), updatedAt);
            await writer.WriteEndElementAsync();
        }
        return Results.Text("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml, "application/xml; charset=utf-8", Encoding.UTF8);
    }

    private static async Task UrlAsync(XmlWriter writer, string location, DateTime? updatedAt)
    {
        await writer.WriteStartElementAsync(null, "url", null);
        await writer.WriteElementStringAsync(null, "loc", null, location);
        if (updatedAt is { } at)
            await writer.WriteElementStringAsync(null, "lastmod", null, DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        await writer.WriteEndElementAsync();
    }

    private static IResult Text(string text) => Results.Text(text, "text/plain; charset=utf-8", Encoding.UTF8);
}

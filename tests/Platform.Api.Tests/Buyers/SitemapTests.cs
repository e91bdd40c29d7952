using System.Net;
using System.Xml.Linq;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Buyers;

public sealed class SitemapTests(BuyerApiFixture api) : IClassFixture<BuyerApiFixture>
{
    private static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task The_sitemap_lists_the_catalog_and_only_its_published_listings()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        var other = await TestAccounts.RegisterTenantAsync(api.Client);
        using var back = api.Client.WithBearer(owner);
        using var otherBack = api.Client.WithBearer(other);
        var published = new[] { await BuyerApiFixture.ListingAsync(back), await BuyerApiFixture.ListingAsync(back) };
        var hidden = new[]
        {
            await BuyerApiFixture.ListingAsync(back, "draft"), await BuyerApiFixture.ListingAsync(back, "sold"),
            await BuyerApiFixture.ListingAsync(back, "withdrawn"), await BuyerApiFixture.ListingAsync(otherBack),
        };

        using var response = await api.Client.GetAsync(new Uri($"/catalogo/{owner.Slug}/sitemap.xml", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/xml");
        var sitemap = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var origin = api.Client.BaseAddress!.ToString().TrimEnd('/');
        var locations = sitemap.Root!.Elements(Sitemaps + "url").Select(u => u.Element(Sitemaps + "loc")!.Value).ToList();
        locations.Should().BeEquivalentTo([$"{origin}/catalogo/{owner.Slug}", .. published.Select(id => $"{origin}/catalogo/{owner.Slug}/{id:D}")]);
        locations.Should().NotContain(l => hidden.Any(h => l.Contains(h.ToString("D"), StringComparison.Ordinal)));
        sitemap.Root.Elements(Sitemaps + "url").Skip(1).Should().OnlyContain(u => u.Element(Sitemaps + "lastmod") != null);
    }

    [Fact]
    public async Task Robots_point_crawlers_at_the_sitemap_and_away_from_forms_and_the_api()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);

        var robots = await api.Client.GetStringAsync(new Uri($"/catalogo/{owner.Slug}/robots.txt", UriKind.Relative));
        var root = await api.Client.GetStringAsync(new Uri("/robots.txt", UriKind.Relative));

        var origin = api.Client.BaseAddress!.ToString().TrimEnd('/');
        robots.Should().Contain($"Sitemap: {origin}/catalogo/{owner.Slug}/sitemap.xml").And.Contain($"Disallow: /catalogo/{owner.Slug}/*/cotizar");
        root.Should().Contain("Disallow: /api/");
    }

    [Fact]
    public async Task An_unknown_or_deactivated_catalog_has_no_sitemap()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        await using (var deactivate = api.Database.DataSource.CreateCommand("update tenants set status = 'deactivated' where tenant_id = $1"))
        {
            deactivate.Parameters.Add(new() { Value = owner.TenantId });
            await deactivate.ExecuteNonQueryAsync();
        }

        using var deactivated = await api.Client.GetAsync(new Uri($"/catalogo/{owner.Slug}/sitemap.xml", UriKind.Relative));
        using var unknown = await api.Client.GetAsync(new Uri("/catalogo/no-existe/sitemap.xml", UriKind.Relative));

        deactivated.StatusCode.Should().Be(HttpStatusCode.NotFound);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}

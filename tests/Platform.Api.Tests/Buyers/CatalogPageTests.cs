using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Api.Tests.Auth;
using Platform.Api.Tests.Catalog;

namespace Platform.Api.Tests.Buyers;

public sealed partial class CatalogPageTests(BuyerApiFixture api) : IClassFixture<BuyerApiFixture>
{
    [Fact]
    public async Task The_catalog_page_shows_published_listings_and_never_drafts()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var back = api.Client.WithBearer(owner);
        var published = await BuyerApiFixture.ListingAsync(back);
        await BuyerApiFixture.ListingAsync(back, "draft", ListingSamples.Vehicle("Borrador secreto de Mazda"));
        await Searchable.WaitForAsync(api.Client, owner.Slug, published);

        using var response = await api.Client.GetAsync(new Uri($"/catalogo/{owner.Slug}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be("text/html; charset=utf-8");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().StartWith("default-src 'none'");
        html.Should().Contain($"href=\"/catalogo/{owner.Slug}/{published:D}\"").And.Contain("Toyota Hilux 2.8 diésel 4x4");
        html.Should().NotContain("Borrador secreto");
        html.Should().Contain($"<link rel=\"canonical\" href=\"{api.Client.BaseAddress!.ToString().TrimEnd('/')}/catalogo/{owner.Slug}\">");
    }

    [Fact]
    public async Task Missing_catalogs_and_listings_that_are_not_published_answer_404_pages()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        var other = await TestAccounts.RegisterTenantAsync(api.Client);
        using var back = api.Client.WithBearer(owner);
        using var otherBack = api.Client.WithBearer(other);
        var draft = await BuyerApiFixture.ListingAsync(back, "draft");
        var othersListing = await BuyerApiFixture.ListingAsync(otherBack);
        await Searchable.WaitForAsync(api.Client, other.Slug, othersListing);

        foreach (var path in new[] { "/catalogo/no-existe", $"/catalogo/{owner.Slug}/{draft:D}", $"/catalogo/{owner.Slug}/{othersListing:D}", $"/catalogo/{owner.Slug}/{Guid.NewGuid():D}" })
        {
            using var response = await api.Client.GetAsync(new Uri(path, UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, path);
            response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        }
    }

    [Fact]
    public async Task A_hostile_title_from_the_back_office_is_escaped_on_both_pages()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var back = api.Client.WithBearer(owner);
        const string hostile = "</script><script>alert(1)</script> Hilux";
        var id = await BuyerApiFixture.ListingAsync(back, body: ListingSamples.Vehicle(hostile));
        await Searchable.WaitForAsync(api.Client, owner.Slug, id);

        var listing = await api.Client.GetStringAsync(new Uri($"/catalogo/{owner.Slug}/{id:D}", UriKind.Relative));
        var catalog = await api.Client.GetStringAsync(new Uri($"/catalogo/{owner.Slug}?q=hilux", UriKind.Relative));

        foreach (var html in new[] { listing, catalog })
        {
            html.Should().NotContain("<script>alert(1)").And.Contain("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; Hilux");
            var data = JsonDocument.Parse(JsonLd().Match(html).Groups[1].Value).RootElement;
            (data.TryGetProperty("name", out var name) ? name : data.GetProperty("itemListElement")[0].GetProperty("name")).GetString().Should().Be(hostile);
        }
    }

    [Fact]
    public async Task No_query_string_makes_the_catalog_page_fail()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        string[] queries =
        [
            "?q=%00", "?cursor=not-a-cursor", "?cursor=eyJ4IjoxfQ", "?precio-min=abc&precio-max=-1", "?anio-min=99999999999", "?orden=%27%22",
            "?marca=" + new string('a', 5000), "?q=" + Uri.EscapeDataString("\"><svg onload=alert(1)>"), "?km-max=1e30", "?parcial=1&q=toyota",
            "?tipo=nave-espacial", "?q=%F0%9F%9A%97", "?q=" + Uri.EscapeDataString(new string('x', 400)),
        ];

        foreach (var query in queries)
        {
            using var response = await api.Client.GetAsync(new Uri($"/catalogo/{owner.Slug}{query}", UriKind.Relative));
            ((int)response.StatusCode).Should().BeLessThan(500, query);
            (await response.Content.ReadAsStringAsync()).Should().NotContain("<svg onload");
        }
    }

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLd();
}

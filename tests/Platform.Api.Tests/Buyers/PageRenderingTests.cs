using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Api.Public;

namespace Platform.Api.Tests.Buyers;

public sealed partial class PageRenderingTests
{
    [Fact]
    public void The_catalog_page_has_its_title_description_canonical_address_and_cards()
    {
        var html = PageSamples.Catalog(PageSamples.Result([PageSamples.Hit(), PageSamples.Hit("Chevrolet Onix LT", 64_500_000m, image: null)]));

        html.Should().StartWith("<!doctype html>").And.Contain("<html lang=\"es\">");
        html.Should().Contain("<title>Autos Medellín &lt;S.A.S&gt; | Catálogo de vehículos</title>");
        html.Should().Contain("<meta name=\"description\" content=\"2 publicaciones en el catálogo de Autos Medellín &lt;S.A.S&gt;.");
        html.Should().Contain("<link rel=\"canonical\" href=\"https://autos.example.com/catalogo/autos-medellin\">");
        html.Should().NotContain("noindex", "the catalog's first page is for search engines to list");
        html.Should().Contain("$182.000.000").And.Contain("$64.500.000").And.Contain("Medellín · 2021 · 48.000 km · Diésel · Automática");
        html.Should().Contain("<div class=\"photo placeholder\" role=\"img\" aria-label=\"Sin foto\">T</div>", "a listing without photos shows its initials");
        Regex.Matches(html, "<li class=\"card\">").Should().HaveCount(2);
    }

    [Fact]
    public void Facets_link_to_the_search_with_the_value_added_and_show_counts()
    {
        var query = CatalogQuery.Empty with { Text = "hilux" };

        var html = PageSamples.Catalog(PageSamples.Result([PageSamples.Hit()]), query);

        html.Should().Contain("href=\"/catalogo/autos-medellin?q=hilux&amp;marca=Toyota\" rel=\"nofollow\"><span>Toyota</span> <span class=\"count\">12</span>");
        html.Should().Contain("href=\"/catalogo/autos-medellin?q=hilux&amp;combustible=diesel\" rel=\"nofollow\"><span>Diésel</span> <span class=\"count\">9</span>");
        html.Should().Contain("href=\"/catalogo/autos-medellin?q=hilux&amp;anio-min=2020&amp;anio-max=2024\" rel=\"nofollow\"><span>2020 – 2024</span>");
        html.Should().Contain("<meta name=\"robots\" content=\"noindex, follow\">", "searches are followed, not listed");
    }

    [Fact]
    public void A_chosen_facet_value_links_to_the_search_without_it()
    {
        var query = CatalogQuery.From(new Microsoft.AspNetCore.Http.QueryCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>
        {
            ["q"] = "hilux", ["marca"] = new(["Toyota", "Chevrolet"]),
        }));

        var html = PageSamples.Catalog(PageSamples.Result([PageSamples.Hit()]), query);

        html.Should().Contain("<a href=\"/catalogo/autos-medellin?q=hilux&amp;marca=Chevrolet\" class=\"on\" aria-current=\"true\" rel=\"nofollow\"><span>Toyota</span>");
        html.Should().Contain("<input type=\"hidden\" name=\"marca\" value=\"Toyota\">", "a new search keeps the chosen filters");
    }

    [Fact]
    public void Capped_totals_read_1000_plus_and_the_next_page_is_a_cursor_link()
    {
        var html = PageSamples.Catalog(PageSamples.Result([PageSamples.Hit()], total: 1000, capped: true, next: "eyJrIjoxfQ"));

        html.Should().Contain("<strong>1000+</strong> publicaciones");
        html.Should().Contain("<a class=\"button\" href=\"/catalogo/autos-medellin?cursor=eyJrIjoxfQ\" rel=\"next\">Siguiente página »</a>");
    }

    [Fact]
    public void Sort_links_keep_the_search_and_start_from_the_first_page()
    {
        var query = CatalogQuery.Empty with { Text = "hilux", Cursor = "eyJrIjoxfQ" };

        var html = PageSamples.Catalog(PageSamples.Result([PageSamples.Hit()]), query);

        html.Should().Contain("Ordenar: <strong>Más relevantes</strong> · <a href=\"/catalogo/autos-medellin?q=hilux&amp;orden=recientes\" rel=\"nofollow\">Más recientes</a>");
        html.Should().Contain("<a href=\"/catalogo/autos-medellin?q=hilux\">« Primera página</a>");
    }

    [Fact]
    public void A_corrected_query_offers_did_you_mean()
    {
        var query = CatalogQuery.Empty with { Text = "toyta hilux" };

        var html = PageSamples.Catalog(PageSamples.Result([PageSamples.Hit()], corrected: "toyota hilux"), query);

        html.Should().Contain("¿Quisiste decir <a href=\"/catalogo/autos-medellin?q=toyota%20hilux\"><strong>toyota hilux</strong></a>?");
    }

    [Fact]
    public void The_listing_page_shows_price_history_attributes_structured_data_and_the_quote_form()
    {
        var listing = PageSamples.Listing();

        var html = PageSamples.ListingPageOf(listing);

        var url = $"https://autos.example.com/catalogo/autos-medellin/{listing.ListingId:D}";
        html.Should().Contain($"<link rel=\"canonical\" href=\"{url}\">");
        html.Should().Contain("<title>Toyota Hilux 2.8 SRV diésel – $182.000.000 | Autos Medellín &lt;S.A.S&gt;</title>");
        html.Should().Contain("<span class=\"before\">Antes <s>$190.000.000</s></span>");
        html.Should().Contain("<dt>Kilometraje</dt><dd>48.000 km</dd>").And.Contain("<dt>Combustible</dt><dd>Diésel</dd>");
        html.Should().Contain($"<form class=\"quote\" method=\"post\" action=\"/catalogo/autos-medellin/{listing.ListingId:D}/cotizar\"");
        html.Should().Contain("name=\"consent\" value=\"true\"").And.Contain("name=\"website\" tabindex=\"-1\"");

        var data = JsonDocument.Parse(JsonLdBlock().Match(html).Groups[1].Value).RootElement;
        data.GetProperty("@type").GetString().Should().Be("Vehicle");
        data.GetProperty("url").GetString().Should().Be(url);
        data.GetProperty("offers").GetProperty("@type").GetString().Should().Be("Offer");
        data.GetProperty("offers").GetProperty("price").GetString().Should().Be("182000000");
        data.GetProperty("offers").GetProperty("priceCurrency").GetString().Should().Be("COP");
        data.GetProperty("mileageFromOdometer").GetProperty("value").GetInt32().Should().Be(48_000);
        data.GetProperty("image").GetArrayLength().Should().Be(2, "only web addresses are images");
    }

    [Fact]
    public void No_previous_price_means_no_note()
    {
        PageSamples.ListingPageOf(PageSamples.Listing(previous: null)).Should().NotContain("Antes");
    }

    [Fact]
    public void The_page_policy_allows_exactly_its_own_style_and_script()
    {
        var policy = PageLayout.ContentSecurityPolicy;

        policy.Should().Contain("default-src 'none'").And.Contain("script-src 'sha256-").And.Contain("style-src 'sha256-");
        policy.Should().NotContain("unsafe-inline");
    }

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLdBlock();
}

using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.Api.Tests.Buyers;

public sealed partial class PageEscapingTests
{
    [Fact]
    public void A_hostile_title_is_text_on_the_catalog_page_and_in_its_structured_data()
    {
        var html = PageSamples.Catalog(PageSamples.Result([PageSamples.Hit(PageSamples.Hostile)], total: 1));

        html.Should().NotContain("<script>alert(1)").And.NotContain("<b>");
        html.Should().Contain("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
        ScriptBlocks(html).Should().HaveCount(2, "one JSON-LD block and the search script, nothing the title opened");
        var itemList = JsonDocument.Parse(JsonLd(html)).RootElement;
        itemList.GetProperty("itemListElement")[0].GetProperty("name").GetString().Should().Be(PageSamples.Hostile);
    }

    [Fact]
    public void A_hostile_listing_is_text_in_its_page_and_valid_json_in_its_structured_data()
    {
        var listing = PageSamples.Listing(PageSamples.Hostile) with
        {
            Description = PageSamples.Hostile, City = PageSamples.Hostile,
            Attributes = new Dictionary<string, string> { ["brand"] = PageSamples.Hostile, ["color"] = "\"><img src=x onerror=alert(1)>" },
        };

        var html = PageSamples.ListingPageOf(listing);

        html.Should().NotContain("<script>alert(1)").And.NotContain("<img src=x").And.NotContain("<b>");
        ScriptBlocks(html).Should().HaveCount(1, "the JSON-LD block only");
        var data = JsonDocument.Parse(JsonLd(html)).RootElement;
        data.GetProperty("name").GetString().Should().Be(PageSamples.Hostile);
        data.GetProperty("brand").GetProperty("name").GetString().Should().Be(PageSamples.Hostile);
        data.GetProperty("description").GetString().Should().Be(PageSamples.Hostile);
        JsonLd(html).Should().NotContain("<").And.NotContain(">");
    }

    [Fact]
    public void Only_web_addresses_become_images()
    {
        var html = PageSamples.ListingPageOf(PageSamples.Listing());

        html.Should().Contain("src=\"https://fotos.example.com/hilux-1.jpg\"").And.Contain("src=\"https://fotos.example.com/hilux-2.jpg\"");
        html.Should().NotContain("javascript:");
    }

    [Fact]
    public void Snippets_keep_their_highlights_and_nothing_else()
    {
        var hit = PageSamples.Hit() with { Snippet = "la <mark>Hilux</mark> &lt;img src=x onerror=alert(1)&gt; <script>alert(2)</script>" };

        var html = PageSamples.Catalog(PageSamples.Result([hit], total: 1));

        html.Should().Contain("la <mark>Hilux</mark> &lt;img src=x onerror=alert(1)&gt; &lt;script&gt;alert(2)&lt;/script&gt;");
    }

    [Fact]
    public void A_hostile_search_text_stays_inside_the_search_box_value()
    {
        var query = Platform.Api.Public.CatalogQuery.Empty with { Text = "\"><script>alert(3)</script>" };

        var html = PageSamples.Catalog(PageSamples.Result([], total: 0, corrected: "\"><script>alert(4)</script>"), query);

        html.Should().NotContain("<script>alert(3)").And.NotContain("<script>alert(4)");
        html.Should().Contain("value=\"&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;\"");
    }

    private static List<string> ScriptBlocks(string html) => [.. ScriptOpening().Matches(html).Select(m => m.Value)];

    private static string JsonLd(string html) => JsonLdBlock().Match(html).Groups[1].Value;

    [GeneratedRegex("<script[ >]", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOpening();

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLdBlock();
}

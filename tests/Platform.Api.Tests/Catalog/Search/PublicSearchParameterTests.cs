using System.Net;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Catalog.Search;

/// <summary>Every query parameter is checked: a bad one is a 400 naming it, never a 500 and never ignored.</summary>
public sealed class PublicSearchParameterTests(SearchFixture api) : IClassFixture<SearchFixture>
{
    [Theory]
    [InlineData("priceMin=barato", "priceMin")]
    [InlineData("priceMin=-1", "priceMin")]
    [InlineData("priceMin=200&priceMax=100", "priceMax")]
    [InlineData("yearMin=1800", "yearMin")]
    [InlineData("yearMin=2020&yearMax=2010", "yearMax")]
    [InlineData("kmMax=muchos", "kmMax")]
    [InlineData("kind=boat", "kind")]
    [InlineData("fuel=water", "fuel")]
    [InlineData("transmission=cvt", "transmission")]
    [InlineData("sort=cheapest", "sort")]
    [InlineData("limit=diez", "limit")]
    [InlineData("q=a&q=b", "q")]
    [InlineData("color=rojo", "color")]
    [InlineData("attr.Color=rojo", "attr.Color")]
    [InlineData("attr.color=", "attr.color")]
    [InlineData("cursor=no-es-un-cursor", "cursor")]
    public async Task A_bad_parameter_is_a_400_naming_it(string query, string field)
    {
        using var seller = await api.NewSellerAsync();
        foreach (var path in new[] { $"/api/public/{seller.Slug}/listings?{query}", $"/api/public/network/listings?{query}" })
        {
            using var response = await api.Client.GetAsync(new Uri(path, UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, path);
            (await TestAccounts.ReadJsonAsync(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Contain(field);
        }
    }

    [Fact]
    public async Task Long_text_is_refused_and_limits_are_clamped()
    {
        using var seller = await api.NewSellerAsync();
        for (var i = 0; i < 3; i++) await seller.PublishVehicleAsync($"Toyota Hilux {i}");
        await PublicSearch.CaughtUpAsync(api.Client, seller.Slug, 3);

        using var longText = await api.Client.GetAsync(new Uri($"/api/public/{seller.Slug}/listings?q={new string('a', 201)}", UriKind.Relative));
        longText.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await PublicSearch.SearchAsync(api.Client, seller.Slug, "limit=0")).Hits.Should().HaveCount(1);
        (await PublicSearch.SearchAsync(api.Client, seller.Slug, "limit=100000")).Hits.Should().HaveCount(3);
    }

    [Fact]
    public async Task A_cursor_continues_only_the_query_that_wrote_it()
    {
        using var seller = await api.NewSellerAsync();
        for (var i = 0; i < 3; i++) await seller.PublishVehicleAsync($"Toyota Hilux {i}");
        await PublicSearch.CaughtUpAsync(api.Client, seller.Slug, 3);
        var first = await PublicSearch.SearchAsync(api.Client, seller.Slug, "q=toyota&limit=1");
        var cursor = Uri.EscapeDataString(first.NextCursor!);

        (await PublicSearch.SearchAsync(api.Client, seller.Slug, $"q=toyota&limit=1&cursor={cursor}")).Hits.Should().HaveCount(1);
        foreach (var other in new[] { "q=hilux", "q=toyota&sort=newest", "q=toyota&fuel=diesel" })
        {
            using var response = await api.Client.GetAsync(new Uri($"/api/public/{seller.Slug}/listings?{other}&cursor={cursor}", UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, other);
        }
    }
}

using System.Text.Json.Nodes;
using Platform.Read.Catalog.Search;

namespace Platform.Api.Tests.Catalog.Search;

/// <summary>Filters, facet counts and sorts over one tenant's small lot of four vehicles and an apartment.</summary>
public sealed class SearchFilterTests(SearchFixture api) : IClassFixture<SearchFixture>, IAsyncLifetime
{
    private static readonly string[] PropertyFields = ["kind", "property", "price"];
    private Seller seller = null!;
    private Guid hilux, corolla, cx5, duster, apartment;

    public async Task InitializeAsync()
    {
        seller = await api.NewSellerAsync();
        hilux = await seller.PublishVehicleAsync("Toyota Hilux SRV", featured: true, description: "Doble cabina.");
        corolla = await seller.PublishVehicleAsync("Toyota Corolla XEI", model: "Corolla", year: 2018, km: 90_000, fuel: "gasoline",
            transmission: "manual", price: 75_000_000m, city: "Bogotá", description: "Sedán.");
        cx5 = await seller.PublishVehicleAsync("Mazda CX-5 Grand Touring", brand: "Mazda", model: "CX-5", year: 2022, km: 20_000,
            fuel: "gasoline", price: 140_000_000m, city: "bogota", description: "Como nueva.", edit: b => b["vehicle"]!["color"] = "Rojo");
        duster = await seller.PublishVehicleAsync("Renault Duster diésel", brand: "Renault", model: "Duster", year: 2015, km: 120_000,
            transmission: "manual", price: 45_000_000m, city: "Cali", description: "Económica.");
        apartment = await seller.PublishVehicleAsync("Apartamento con balcón", edit: b =>
        {
            var property = ListingSamples.Property();
            foreach (var field in PropertyFields) b[field] = property[field]!.DeepClone();
            b.Remove("vehicle");
        });
        await PublicSearch.CaughtUpAsync(api.Client, seller.Slug, 5);
    }

    [Theory]
    [InlineData("priceMin=50000000&priceMax=150000000", "corolla,cx5")]
    [InlineData("yearMin=2018&yearMax=2021", "hilux,corolla")]
    [InlineData("kmMax=50000", "hilux,cx5")]
    [InlineData("kind=property", "apartment")]
    [InlineData("fuel=diesel", "hilux,duster")]
    [InlineData("transmission=manual&fuel=gasoline", "corolla")]
    [InlineData("city=BOGOTA", "corolla,cx5")]
    [InlineData("brand=toyota&brand=MAZDA&kmMax=60000", "hilux,cx5")]
    [InlineData("attr.color=rojo", "cx5")]
    [InlineData("attr.type=apartment&city=medellin", "apartment")]
    [InlineData("q=toyota&priceMax=100000000", "corolla")]
    public async Task Filters_combine_and_match_exactly(string query, string expected)
    {
        var result = await PublicSearch.SearchAsync(api.Client, seller.Slug, query);
        result.Ids().Should().BeEquivalentTo(expected.Split(',').Select(Named));
        result.TotalCount.Should().Be(expected.Split(',').Length);
    }

    [Fact]
    public async Task Facets_count_the_matches_by_brand_fuel_transmission_city_and_bands()
    {
        var all = await PublicSearch.SearchAsync(api.Client, seller.Slug);
        Counts(all, "brand").Should().Equal(("Toyota", 2), ("Mazda", 1), ("Renault", 1));
        Counts(all, "fuel").Should().BeEquivalentTo(new[] { ("diesel", 2L), ("gasoline", 2L) });
        Counts(all, "city").Should().BeEquivalentTo(new[] { ("Bogotá", 2L), ("Medellín", 2L), ("Cali", 1L) }, "Bogotá and bogota are one city");
        Counts(all, "year").Should().Equal(("2020-2024", 2), ("2015-2019", 2));
        Counts(all, "price").Should().Equal(("20000000-50000000", 1), ("50000000-100000000", 1), ("100000000-200000000", 2), ("500000000-1000000000", 1));

        var diesel = await PublicSearch.SearchAsync(api.Client, seller.Slug, "fuel=diesel");
        Counts(diesel, "transmission").Should().BeEquivalentTo(new[] { ("automatic", 1L), ("manual", 1L) });
    }

    [Theory]
    [InlineData("sort=price-asc", "duster,corolla,cx5,hilux,apartment")]
    [InlineData("sort=price-desc", "apartment,hilux,cx5,corolla,duster")]
    [InlineData("sort=year-desc&kind=vehicle", "cx5,hilux,corolla,duster")]
    [InlineData("sort=newest", "apartment,duster,cx5,corolla,hilux")]
    [InlineData("q=toyota", "hilux,corolla")]
    [InlineData("q=diesel", "duster,hilux")]
    public async Task Sorts_order_the_hits(string query, string expected)
    {
        var result = await PublicSearch.SearchAsync(api.Client, seller.Slug, query);
        result.Ids().Should().Equal(expected.Split(',').Select(Named));
    }

    private Guid Named(string name) => name switch
    {
        "hilux" => hilux,
        "corolla" => corolla,
        "cx5" => cx5,
        "duster" => duster,
        _ => apartment,
    };

    private static (string, long)[] Counts(SearchResult result, string facet) =>
        [.. result.Facets.Single(f => f.Name == facet).Values.Select(v => (v.Value, v.Count))];

    public Task DisposeAsync()
    {
        seller.Dispose();
        return Task.CompletedTask;
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Platform.Api.Public;
using Platform.Read.Catalog.Search;

namespace Platform.Api.Tests.Buyers;

public sealed class CatalogQueryTests
{
    private static CatalogQuery Parse(string query) => CatalogQuery.From(new QueryCollection(
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query).ToDictionary(p => p.Key, p => p.Value)));

    [Fact]
    public void The_address_becomes_the_search_filters()
    {
        var query = Parse("?q=hilux+di%C3%A9sel&marca=Toyota&marca=Nissan&combustible=diesel&precio-max=200000000&anio-min=2018&km-max=80000&orden=precio-asc&cursor=abc");

        var search = query.ToSearch(Guid.CreateVersion7());

        search.Text.Should().Be("hilux diésel");
        search.Filters.Brands.Should().Equal("Toyota", "Nissan");
        search.Filters.Fuels.Should().Equal("diesel");
        search.Filters.PriceMax.Should().Be(200_000_000m);
        search.Filters.YearMin.Should().Be(2018);
        search.Filters.KmMax.Should().Be(80_000);
        search.Sort.Should().Be(SearchSort.PriceAsc);
        search.Page.Cursor.Should().Be("abc");
        search.Page.Limit.Should().Be(CatalogQuery.PageSize);
    }

    [Fact]
    public void Values_that_do_not_read_are_left_out()
    {
        var search = Parse("?precio-min=abc&anio-max=-3&orden=nada&marca=&q=%20%20").ToSearch(Guid.CreateVersion7());

        search.Filters.PriceMin.Should().BeNull();
        search.Filters.YearMax.Should().BeNull();
        search.Filters.Brands.Should().BeNull();
        search.Text.Should().BeNull();
        search.Sort.Should().Be(SearchSort.Relevance);
    }

    [Fact]
    public void Equal_searches_share_one_address_whatever_the_order_of_parameters()
    {
        var a = Parse("?orden=anio&marca=Toyota&q=hilux&combustible=diesel");
        var b = Parse("?combustible=diesel&q=hilux&orden=anio&marca=Toyota");

        a.Url("/catalogo/demo").Should().Be(b.Url("/catalogo/demo"))
            .And.Be("/catalogo/demo?q=hilux&marca=Toyota&combustible=diesel&orden=anio");
    }

    [Fact]
    public void Toggling_a_filter_starts_again_from_the_first_page()
    {
        var query = Parse("?q=hilux&cursor=abc");

        query.Toggle("marca", "Toyota").Url("/c").Should().Be("/c?q=hilux&marca=Toyota");
        query.Toggle("marca", "Toyota").Toggle("marca", "Toyota").Url("/c").Should().Be("/c?q=hilux");
    }

    [Theory]
    [InlineData("2015-2019", 2015, 2019)]
    [InlineData("2020+", 2020, null)]
    [InlineData("-2004", null, 2004)]
    [InlineData("50000000-100000000", 50_000_000, 100_000_000)]
    public void Facet_bands_read_as_ranges(string band, int? min, int? max)
    {
        FacetPanel.TryReadBand(band, out var from, out var to).Should().BeTrue();
        from.Should().Be(min);
        to.Should().Be(max);
    }
}

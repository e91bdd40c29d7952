namespace Platform.Api.Tests.Catalog.Search;

/// <summary>How buyers' words find listings: accents, plural and singular, typos, synonyms, prefixes while typing.</summary>
public sealed class SearchTextTests(SearchFixture api) : IClassFixture<SearchFixture>
{
    [Fact]
    public async Task Accents_do_not_matter_either_way()
    {
        using var seller = await api.NewSellerAsync();
        var hilux = await seller.PublishVehicleAsync("Toyota Hilux 2.8 diésel 4x4");
        await seller.PublishVehicleAsync("Mazda CX-5 gasolina", brand: "Mazda", model: "CX-5", fuel: "gasoline", description: "Camioneta familiar.");

        await PublicSearch.CaughtUpAsync(api.Client, seller.Slug, 2);
        var plain = await PublicSearch.SearchAsync(api.Client, seller.Slug, "q=diesel");
        plain.Ids().Should().Equal(hilux);
        var accented = await PublicSearch.SearchAsync(api.Client, seller.Slug, "q=DIÉSEL%20Medellin");
        accented.Ids().Should().Equal(hilux);
    }

    [Fact]
    public async Task Plural_and_singular_find_each_other()
    {
        using var seller = await api.NewSellerAsync();
        var truck = await seller.PublishVehicleAsync("Camioneta Toyota con llantas nuevas");
        await seller.PublishVehicleAsync("Renault Logan sedán", brand: "Renault", model: "Logan", description: "Un solo dueño.");

        await PublicSearch.CaughtUpAsync(api.Client, seller.Slug, 2);
        (await PublicSearch.SearchAsync(api.Client, seller.Slug, "q=camionetas%20")).Ids().Should().Equal(truck);
        (await PublicSearch.SearchAsync(api.Client, seller.Slug, "q=llanta%20")).Ids().Should().Equal(truck);
    }

    [Fact]
    public async Task A_query_with_a_typo_is_corrected_from_the_tenants_own_words()
    {
        using var seller = await api.NewSellerAsync();
        var hilux = await seller.PublishVehicleAsync("Toyota Hilux doble cabina");
        var mazda = await seller.PublishVehicleAsync("Mazda Tribute automática", brand: "Mazda", model: "Tribute", description: "Versión full.");
        await PublicSearch.CaughtUpAsync(api.Client, seller.Slug, 2);

        var oneEdit = await PublicSearch.SearchAsync(api.Client, seller.Slug, "q=toyta%20");
        oneEdit.Ids().Should().Equal(hilux);
        oneEdit.CorrectedText.Should().Be("toyota");
        var twoEdits = await PublicSearch.SearchAsync(api.Client, seller.Slug, "q=tribbutte%20");
        twoEdits.Ids().Should().Equal(mazda);
        (await PublicSearch.SearchAsync(api.Client, seller.Slug, "q=tuyta%20")).Hits.Should().BeEmpty("two edits are too many below eight letters");
        (await PublicSearch.SearchAsync(api.Client, seller.Slug, "q=toyota%20")).CorrectedText.Should().BeNull("nothing needed correcting");
    }

    [Fact]
    public async Task Synonyms_are_the_tenants_own_and_apply_at_query_time()
    {
        using var seller = await api.NewSellerAsync();
        var car = await seller.PublishVehicleAsync("Coche Chevrolet Onix", brand: "Chevrolet", model: "Onix", description: "Poco uso.");
        var jeep = await seller.PublishVehicleAsync("Jeep Wrangler todoterreno", brand: "Jeep", model: "Wrangler", description: "Listo para el campo.");

        await PublicSearch.CaughtUpAsync(api.Client, seller.Slug, 2);
        (await PublicSearch.SearchAsync(api.Client, seller.Slug, "q=carros%20")).Ids().Should().Equal(car);
        (await PublicSearch.SearchAsync(api.Client, seller.Slug, "q=4x4%20")).Ids().Should().Equal(jeep);

        await seller.SetSynonymsAsync(["auto", "carro"], ["rustico", "todoterreno"]);
        await PublicSearch.EventuallyAsync(api.Client, seller.Slug, "q=carro%20", r => r.TotalCount == 0);
        (await PublicSearch.SearchAsync(api.Client, seller.Slug, "q=rústico%20")).Ids().Should().Equal(jeep);
    }

    [Fact]
    public async Task The_last_word_matches_as_a_prefix_while_the_buyer_types()
    {
        using var seller = await api.NewSellerAsync();
        var hilux = await seller.PublishVehicleAsync("Toyota Hilux SRV");
        await seller.PublishVehicleAsync("Toyota Corolla XEI", model: "Corolla", description: "Sedán impecable.");

        await PublicSearch.CaughtUpAsync(api.Client, seller.Slug, 2);
        (await PublicSearch.SearchAsync(api.Client, seller.Slug, "q=toyota%20hil")).Ids().Should().Equal(hilux);
        (await PublicSearch.SearchAsync(api.Client, seller.Slug, "q=toy")).TotalCount.Should().Be(2);
        (await PublicSearch.SearchAsync(api.Client, seller.Slug, "q=toy%20")).TotalCount.Should().Be(0, "a finished word is not a prefix");
    }

    [Fact]
    public async Task Matches_are_highlighted_in_escaped_snippets()
    {
        using var seller = await api.NewSellerAsync();
        await seller.PublishVehicleAsync("Toyota Hilux", description: "Motor diésel <b>potente</b> & caja automática.");

        var result = await PublicSearch.EventuallyAsync(api.Client, seller.Slug, "q=diesel", r => r.TotalCount > 0);
        var snippet = result.Hits.Single().Snippet;
        snippet.Should().Contain("<mark>diésel</mark>").And.Contain("&amp;").And.NotContain("<b>");
    }
}

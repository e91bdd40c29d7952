using System.Net;
using System.Net.Http.Json;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Catalog.Search;

/// <summary>What buyers never see: drafts, withdrawn, sold or reserved listings, other tenants' listings, tenants outside the network.</summary>
public sealed class SearchIsolationTests(SearchFixture api) : IClassFixture<SearchFixture>
{
    [Fact]
    public async Task Only_published_listings_are_public_and_only_the_tenants_own()
    {
        using var seller = await api.NewSellerAsync();
        using var other = await api.NewSellerAsync();
        var published = await seller.PublishVehicleAsync("Toyota Hilux publicada");
        var draft = await seller.CreateVehicleAsync("Toyota Hilux borrador");
        var withdrawn = await seller.PublishVehicleAsync("Toyota Hilux retirada");
        var sold = await seller.PublishVehicleAsync("Toyota Hilux vendida");
        var reserved = await seller.PublishVehicleAsync("Toyota Hilux reservada");
        var backToDraft = await seller.PublishVehicleAsync("Toyota Hilux en revisión");
        await seller.SetStatusAsync(withdrawn, "withdrawn");
        await seller.SetStatusAsync(sold, "sold");
        await seller.SetStatusAsync(reserved, "reserved");
        await seller.SetStatusAsync(backToDraft, "draft");
        var foreign = await other.PublishVehicleAsync("Toyota Hilux de otra empresa");
        await PublicSearch.CaughtUpAsync(api.Client, other.Slug, 1);

        var result = await PublicSearch.EventuallyAsync(api.Client, seller.Slug, "q=hilux", r => r.TotalCount == 1);
        result.Ids().Should().Equal(published);
        result.Hits.Single().TenantSlug.Should().Be(seller.Slug);
        (await PublicSearch.SearchAsync(api.Client, seller.Slug, "q=borrador")).Hits.Should().BeEmpty("typo correction draws on published words only too");

        (await GetAsync($"/api/public/{seller.Slug}/listings/{published}")).Should().Be(HttpStatusCode.OK);
        foreach (var hidden in new[] { draft, withdrawn, sold, reserved, backToDraft, foreign, Guid.NewGuid() })
            (await GetAsync($"/api/public/{seller.Slug}/listings/{hidden}")).Should().Be(HttpStatusCode.NotFound);
        (await GetAsync($"/api/public/{other.Slug}/listings/{foreign}")).Should().Be(HttpStatusCode.OK);
        (await GetAsync("/api/public/no-existe-esta-empresa/listings")).Should().Be(HttpStatusCode.NotFound);
        (await GetAsync($"/api/public/{seller.Slug}/listings/no-es-un-id")).Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_public_listing_shows_its_tenant_attributes_and_previous_price()
    {
        using var seller = await api.NewSellerAsync();
        var id = await seller.PublishVehicleAsync("Toyota Hilux con historial", price: 182_000_000m);
        await seller.SetPriceAsync(id, 175_000_000m);
        await PublicSearch.EventuallyAsync(api.Client, seller.Slug, "", r => r.Hits.Any(h => h.Price == 175_000_000m));

        using var response = await api.Client.GetAsync(new Uri($"/api/public/{seller.Slug}/listings/{id}", UriKind.Relative));
        var listing = await TestAccounts.ReadJsonAsync(response);
        listing.GetProperty("tenantName").GetString().Should().Be("Automotores de Prueba");
        listing.GetProperty("previousPrice").GetDecimal().Should().Be(182_000_000m);
        listing.GetProperty("attributes").GetProperty("color").GetString().Should().Be("Blanco");
        listing.GetProperty("images").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task Network_search_holds_the_published_listings_of_tenants_that_opted_in_only()
    {
        using var member = await api.NewSellerAsync();
        using var outsider = await api.NewSellerAsync();
        using var leaver = await api.NewSellerAsync();
        var word = $"modelo{Guid.NewGuid():N}"[..20];
        var shared = await member.PublishVehicleAsync($"Nissan Frontier {word}", brand: "Nissan", model: "Frontier");
        await member.CreateVehicleAsync($"Nissan Frontier {word} borrador", brand: "Nissan", model: "Frontier");
        await outsider.PublishVehicleAsync($"Nissan Frontier {word} privada", brand: "Nissan", model: "Frontier");
        var leaving = await leaver.PublishVehicleAsync($"Nissan Frontier {word} saliente", brand: "Nissan", model: "Frontier");
        await member.JoinNetworkAsync();
        await leaver.JoinNetworkAsync();

        var both = await PublicSearch.EventuallyAsync(() => PublicSearch.NetworkAsync(api.Client, $"q={word}"), r => r.TotalCount == 2, "both members are in");
        both.Ids().Should().BeEquivalentTo([shared, leaving]);
        both.Hits.Select(h => h.TenantSlug).Should().BeEquivalentTo([member.Slug, leaver.Slug]);

        await leaver.JoinNetworkAsync(member: false);
        await member.SetStatusAsync(shared, "reserved");
        var after = await PublicSearch.EventuallyAsync(() => PublicSearch.NetworkAsync(api.Client, $"q={word}"), r => r.TotalCount == 0, "both are gone");
        after.Facets.SelectMany(f => f.Values).Should().BeEmpty();
        await member.SetStatusAsync(shared, "published");
        (await PublicSearch.EventuallyAsync(() => PublicSearch.NetworkAsync(api.Client, $"q={word}"), r => r.TotalCount == 1, "it is back"))
            .Ids().Should().Equal(shared);
    }

    [Fact]
    public async Task A_deactivated_tenants_catalog_is_gone_from_its_address_and_the_network()
    {
        using var seller = await api.NewSellerAsync();
        var word = $"unidad{Guid.NewGuid():N}"[..18];
        await seller.PublishVehicleAsync($"Kia Sportage {word}", brand: "Kia", model: "Sportage");
        await seller.JoinNetworkAsync();
        await PublicSearch.EventuallyAsync(() => PublicSearch.NetworkAsync(api.Client, $"q={word}"), r => r.TotalCount == 1, "it is in the network");

        using var deactivate = await seller.Client.PostAsJsonAsync(new Uri("/api/tenant/deactivate", UriKind.Relative), new { reason = "cierre" });
        deactivate.EnsureSuccessStatusCode();
        await PublicSearch.EventuallyAsync(() => PublicSearch.NetworkAsync(api.Client, $"q={word}"), r => r.TotalCount == 0, "it left the network");
        (await GetAsync($"/api/public/{seller.Slug}/listings")).Should().Be(HttpStatusCode.NotFound);
    }

    private async Task<HttpStatusCode> GetAsync(string path)
    {
        using var response = await api.Client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }
}

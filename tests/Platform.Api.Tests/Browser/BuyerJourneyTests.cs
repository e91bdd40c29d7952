using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Platform.Api.Tests.Auth;
using Platform.Api.Tests.Buyers;
using Platform.Api.Tests.Catalog;

namespace Platform.Api.Tests.Browser;

/// <summary>A buyer on a phone: searches, narrows with a facet, opens a listing and asks for a quote.</summary>
public sealed class BuyerJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static JsonObject Vehicle(string title, string model, int year, string fuel, string transmission, decimal price)
    {
        var body = ListingSamples.Vehicle(title, price);
        var vehicle = body["vehicle"]!.AsObject();
        vehicle["brand"] = title.Split(' ')[0];
        vehicle["model"] = model;
        vehicle["year"] = year;
        vehicle["fuel"] = fuel;
        vehicle["transmission"] = transmission;
        body["description"] = $"{title}. Papeles al día, recibimos tu vehículo en parte de pago.";
        return body;
    }

    private async Task<(TestAccount Owner, Guid Wanted)> StockAsync()
    {
        var owner = await TestAccounts.RegisterTenantAsync(browser.Api.Client);
        using var back = browser.Api.Client.WithBearer(owner);
        var wanted = await BuyerApiFixture.ListingAsync(back, body: Vehicle("Toyota Hilux 2.8 SRV 4x4 diésel 2021", "Hilux", 2021, "diesel", "automatic", 182_000_000m));
        var others = new[]
        {
            await BuyerApiFixture.ListingAsync(back, body: Vehicle("Toyota Hilux 2.4 DX diésel 2019", "Hilux", 2019, "diesel", "manual", 128_000_000m)),
            await BuyerApiFixture.ListingAsync(back, body: Vehicle("Toyota Hilux 2.7 SR gasolina 2018", "Hilux", 2018, "gasoline", "manual", 115_000_000m)),
            await BuyerApiFixture.ListingAsync(back, body: Vehicle("Chevrolet Colorado 2.8 LT diésel 2020", "Colorado", 2020, "diesel", "automatic", 139_000_000m)),
            await BuyerApiFixture.ListingAsync(back, body: Vehicle("Mazda 3 2.0 Touring 2022", "3", 2022, "gasoline", "automatic", 98_000_000m)),
        };
        await Searchable.WaitForAsync(browser.Api.Client, owner.Slug, [wanted, .. others]);
        return (owner, wanted);
    }

    [Fact]
    public async Task A_buyer_searches_filters_opens_a_listing_and_sends_a_quote()
    {
        var (owner, wanted) = await StockAsync();
        var page = await browser.NewPageAsync(phone: true);

        await page.GotoAsync($"/catalogo/{owner.Slug}");
        await page.Locator("input[name=q]").FillAsync("toyota hilux diesel");
        // The page itself, not the results that search as you type may fetch meanwhile.
        await page.RunAndWaitForResponseAsync(() => page.Locator("input[name=q]").PressAsync("Enter"),
            response => response.Url.Contains("q=toyota", StringComparison.Ordinal) && !response.Url.Contains("parcial", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        var titles = await page.Locator("li.card h2").AllTextContentsAsync();
        titles.Should().NotBeEmpty().And.OnlyContain(t => t.Contains("Hilux", StringComparison.Ordinal) && t.Contains("diésel", StringComparison.Ordinal));
        (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).Should().BeTrue("the page fits a phone's width");

        await page.Locator("aside.facets a", new() { HasText = "Automática" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("transmision=automatic", StringComparison.Ordinal));
        (await page.Locator("li.card h2").AllTextContentsAsync()).Should().Equal("Toyota Hilux 2.8 SRV 4x4 diésel 2021");

        await page.Locator("li.card a").First.ClickAsync();
        await page.WaitForURLAsync($"**/catalogo/{owner.Slug}/{wanted:D}");
        (await page.Locator("h1").TextContentAsync()).Should().Be("Toyota Hilux 2.8 SRV 4x4 diésel 2021");
        (await page.Locator(".price").First.TextContentAsync()).Should().Be("$182.000.000");

        await page.Locator("#quote-name").FillAsync("Carolina Restrepo");
        await page.Locator("#quote-phone").FillAsync("+57 300 555 1234");
        await page.Locator("#quote-email").FillAsync("carolina@example.com");
        await page.Locator("#quote-consent").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar solicitud" }).ClickAsync();

        await page.WaitForURLAsync($"**/catalogo/{owner.Slug}/{wanted:D}/gracias");
        (await page.Locator("h1").TextContentAsync()).Should().Be("¡Solicitud enviada!");
        var stored = (await browser.Api.QuotesAsync(owner.TenantId)).Should().ContainSingle().Subject;
        stored["listingId"]!.GetValue<Guid>().Should().Be(wanted);
        stored["source"]!.GetValue<string>().Should().Be("catalog-page");
    }

    [Fact]
    public async Task The_catalog_fits_a_phone_however_many_filters_it_offers()
    {
        var owner = await TestAccounts.RegisterTenantAsync(browser.Api.Client);
        using var back = browser.Api.Client.WithBearer(owner);
        string[] cities = ["Bogotá", "Medellín", "Santiago de Cali", "Barranquilla", "Bucaramanga", "Pereira", "Cartagena de Indias", "Manizales",
            "Villavicencio", "San José de Cúcuta", "Santa Marta", "Ibagué"];
        var ids = new List<Guid>();
        foreach (var city in cities)
        {
            var body = Vehicle($"Toyota Hilux 2.8 SRV diésel {2012 + ids.Count}", "Hilux", 2012 + ids.Count, "diesel", "manual", 90_000_000m + ids.Count);
            body["city"] = city;
            ids.Add(await BuyerApiFixture.ListingAsync(back, body: body));
        }
        await Searchable.WaitForAsync(browser.Api.Client, owner.Slug, [.. ids]);
        var page = await browser.NewPageAsync(phone: true);

        await page.GotoAsync($"/catalogo/{owner.Slug}");

        (await page.Locator("aside.facets a", new() { HasText = "Villavicencio" }).CountAsync()).Should().Be(1);
        (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).Should().BeTrue();
        (await page.EvaluateAsync<double>("document.querySelector('li.card').getBoundingClientRect().right")).Should().BeLessThanOrEqualTo(390);
    }

    [Fact]
    public async Task Results_follow_the_buyer_while_typing()
    {
        var (owner, _) = await StockAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"/catalogo/{owner.Slug}");
        await page.Locator("input[name=q]").PressSequentiallyAsync("colorado", new() { Delay = 30 });

        await page.WaitForURLAsync(url => url.EndsWith("?q=colorado", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("li.card h2")).ToHaveTextAsync(["Chevrolet Colorado 2.8 LT diésel 2020"]);
    }
}

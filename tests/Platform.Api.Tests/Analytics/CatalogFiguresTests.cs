using System.Net;
using System.Net.Http.Json;
using Platform.Api.Tests.Auth;
using Platform.Api.Tests.Buyers;
using Platform.Api.Tests.Catalog;
using Platform.Api.Tests.Leads;

namespace Platform.Api.Tests.Analytics;

public sealed class CatalogFiguresTests(BuyerApiFixture api) : IClassFixture<BuyerApiFixture>
{
    [Fact]
    public async Task Days_in_stock_price_drops_and_quotes_per_listing_equal_the_same_figures_computed_from_the_events()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var listings = new List<Guid>();
        for (var i = 0; i < 12; i++)
            listings.Add(await BuyerApiFixture.ListingAsync(client, i == 11 ? "draft" : "published", ListingSamples.Vehicle($"Camioneta {i:D2}", 100_000_000m)));
        for (var i = 0; i < 11; i++)
            for (var q = 0; q <= i % 4; q++) await Quote(listings[i]);
        await Price(listings[0], 90_000_000m);
        await Price(listings[0], 81_000_000m);
        await Price(listings[1], 120_000_000m);
        await Price(listings[1], 60_000_000m);
        await Status(listings[2], "sold");
        await Status(listings[3], "sold");
        await Status(listings[4], "withdrawn");
        await Status(listings[5], "reserved");
        await Status(listings[5], "sold");
        await Status(listings[6], "reserved");
        await Status(listings[7], "draft");
        await Status(listings[7], "withdrawn");
        var (from, to, query) = Converging.AroundToday();

        var expected = await CatalogFiguresOracle.FromEventsAsync(api.Database.DataSource, owner.TenantId, from, to);
        expected["left"].Should().Be(4, "two sold, one reserved then sold, one withdrawn; a draft withdrawn was not in stock");
        expected["sold"].Should().Be(3);
        expected["inStock"].Should().Be(6, "0, 1, 6 (reserved), 8, 9 and 10");
        expected["drops"].Should().Be(3, "a raise is no drop");
        expected["dropListings"].Should().Be(2);
        expected["averageDropPercent"].Should().Be(Math.Round((10m + 10m + 50m) / 3, 2));
        expected["quotes"].Should().Be(Enumerable.Range(0, 11).Sum(i => i % 4 + 1));
        expected["quotedListings"].Should().Be(11);
        expected.Keys.Count(k => k.StartsWith("top:", StringComparison.Ordinal)).Should().Be(10);
        expected["averageDays"].Should().BeGreaterThan(0);

        var answer = await Converging.FiguresAsync(client, $"/api/analytics/catalog?{query}", CatalogFiguresOracle.Figures, expected);
        var top = answer.GetProperty("quotes").GetProperty("top");
        top[0].GetProperty("quotes").GetInt64().Should().Be(4);
        top[0].GetProperty("title").GetString().Should().Be("Camioneta 03", "the catalog's title; 3 and 7 have four quotes, 7 is now withdrawn");
        answer.GetProperty("stock").GetProperty("averageAgeDays").GetDouble().Should().Be(0);

        var past = await LeadRequests.GetJsonAsync(client, "/api/analytics/catalog?from=2020-01-01&to=2020-12-31");
        past.GetProperty("stock").GetProperty("left").GetInt64().Should().Be(0);
        past.GetProperty("stock").GetProperty("inStock").GetInt64().Should().Be(6, "the stock is now, whatever the period");
        past.GetProperty("quotes").GetProperty("top").GetArrayLength().Should().Be(0);
        past.GetProperty("priceDrops").GetProperty("averageDropPercent").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);

        var stranger = await TestAccounts.RegisterTenantAsync(api.Client);
        using var strangerClient = api.Client.WithBearer(stranger);
        var theirs = await LeadRequests.GetJsonAsync(strangerClient, $"/api/analytics/catalog?{query}");
        theirs.GetProperty("quotes").GetProperty("quotes").GetInt64().Should().Be(0, "another tenant sees only its own figures");
        theirs.GetProperty("stock").GetProperty("inStock").GetInt64().Should().Be(0);

        async Task Quote(Guid id)
        {
            using var response = await api.Client.PostAsJsonAsync(new Uri($"/api/public/{owner.Slug}/listings/{id}/quote", UriKind.Relative),
                new { name = "Carolina Restrepo", phone = "+57 300 555 1234", email = "carolina@example.com", message = "¿Sigue disponible?", consent = true });
            response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        }

        async Task Price(Guid id, decimal amount)
        {
            using var response = await client.PutAsJsonAsync(new Uri($"/api/listings/{id}/price", UriKind.Relative), new { amount, currency = "COP" });
            response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }

        async Task Status(Guid id, string status)
        {
            using var response = await client.PutAsJsonAsync(new Uri($"/api/listings/{id}/status", UriKind.Relative), new { status });
            response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
    }
}

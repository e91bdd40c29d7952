using Microsoft.Extensions.DependencyInjection;
using Platform.Read.Catalog.Search;
using Platform.Write.Catalog;
using Platform.Write.EventStore;

namespace Platform.Api.Tests.Catalog.Search;

/// <summary>Keyset pages: every listing once, in order, while others are published, withdrawn and repriced; totals capped.</summary>
public sealed class SearchPagingTests(SearchFixture api) : IClassFixture<SearchFixture>
{
    [Theory]
    [InlineData("sort=newest")]
    [InlineData("sort=price-asc")]
    [InlineData("q=toyota")]
    [InlineData("q=toyota&sort=year-desc")]
    public async Task Pages_list_every_unchanged_listing_once_while_listings_change(string query)
    {
        using var seller = await api.NewSellerAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 24; i++)
            ids.Add(await seller.PublishVehicleAsync($"Toyota Hilux {i}", year: 2000 + i % 7, price: 100_000_000m + i % 5 * 1_000_000m,
                featured: i % 4 == 0, description: $"Unidad {i}."));
        await PublicSearch.CaughtUpAsync(api.Client, seller.Slug, 24);

        var seen = new List<Guid>();
        var changed = new HashSet<Guid>();
        string? cursor = null;
        for (var page = 0; page < 20; page++)
        {
            var result = await PublicSearch.SearchAsync(api.Client, seller.Slug, $"{query}&limit=5{Cursor(cursor)}");
            seen.AddRange(result.Ids());
            cursor = result.NextCursor;
            if (cursor is null) break;
            // Between pages: one listing repriced, one withdrawn, a new one published, all applied before the next page.
            var repriced = ids[(page * 5 + 1) % ids.Count];
            var withdrawn = ids[(page * 7 + 3) % ids.Count];
            changed.UnionWith([withdrawn, repriced]);
            await seller.SetPriceAsync(repriced, 90_000_000m + page);
            await seller.SetStatusAsync(withdrawn, "withdrawn");
            var fresh = await seller.PublishVehicleAsync($"Toyota Hilux nueva {page}", description: "Recién llegada.");
            await PublicSearch.EventuallyAsync(api.Client, seller.Slug, "sort=newest&limit=1", r => r.Ids().FirstOrDefault() == fresh);
        }

        cursor.Should().BeNull("the last page has no cursor");
        seen.Should().OnlyHaveUniqueItems();
        seen.Should().Contain(ids.Except(changed), "a listing that did not change is on exactly one page");
    }

    [Fact]
    public async Task Totals_are_exact_up_to_a_thousand_and_capped_past_it()
    {
        using var seller = await api.NewSellerAsync();
        await seller.JoinNetworkAsync();
        var bulk = api.Host.Services.GetRequiredService<BulkAppender>();
        var tenant = seller.Account.TenantId;
        var events = new List<BulkEvent>();
        for (var i = 0; i < 1_005; i++)
        {
            var id = Guid.CreateVersion7();
            var content = new ListingContent($"Moto número {i}", i < 3 ? "Edición especial limitada." : "Usada.", "Cali", [], false, null, null,
                new ProductSpec($"SKU-{i}", "motos", 1));
            events.Add(new BulkEvent(tenant, CatalogEvents.ListingStream(id), Guid.NewGuid(),
                new ListingCreated(id, ListingKind.Product, content, new Money(5_000_000m + i, "COP"))));
            events.Add(new BulkEvent(tenant, CatalogEvents.ListingStream(id), Guid.NewGuid(),
                new ListingStatusChanged(id, ListingStatus.Draft, ListingStatus.Published)));
        }
        await bulk.AppendAsync(events);

        var all = await PublicSearch.EventuallyAsync(api.Client, seller.Slug, "q=moto", r => r.TotalCapped);
        all.TotalCount.Should().Be(1_000);
        all.Facets.Single(f => f.Name == "price").Values.Sum(v => v.Count).Should().Be(1_005, "facets count every match");
        var few = await PublicSearch.SearchAsync(api.Client, seller.Slug, "q=especial");
        (few.TotalCount, few.TotalCapped).Should().Be((3L, false));

        // Past the cap the network ranks the most relevant thousand from the RUM index; pages still follow one another.
        var network = await PublicSearch.EventuallyAsync(() => PublicSearch.NetworkAsync(api.Client, "q=moto&limit=100"), r => r.TotalCapped, "the network is capped");
        network.Hits.Should().HaveCount(100).And.OnlyHaveUniqueItems(h => h.ListingId);
        network.Hits.Select(h => h.Title).Should().OnlyContain(t => t.StartsWith("Moto", StringComparison.Ordinal));
        var next = await PublicSearch.NetworkAsync(api.Client, $"q=moto&limit=100&cursor={Uri.EscapeDataString(network.NextCursor!)}");
        next.Ids().Should().HaveCount(100).And.NotIntersectWith(network.Ids());
    }

    private static string Cursor(string? cursor) => cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor);
}

using System.Net;

namespace Platform.Api.Tests.Catalog.Search;

/// <summary>Public answers are cached briefly per query, and anonymous callers are rate-limited per address.</summary>
public sealed class PublicSearchCacheTests(SearchFixture api) : IClassFixture<SearchFixture>
{
    [Fact]
    public async Task A_query_is_answered_from_the_cache_until_it_expires_while_other_queries_see_changes()
    {
        await using var cached = await api.StartHostAsync("--Platform:PublicSearch:CacheSeconds=60");
        using var seller = await api.NewSellerAsync();
        await seller.PublishVehicleAsync("Toyota Hilux primera");
        await PublicSearch.CaughtUpAsync(api.Client, seller.Slug, 1);
        (await PublicSearch.SearchAsync(cached.Client, seller.Slug, "q=hilux")).TotalCount.Should().Be(1);

        await seller.PublishVehicleAsync("Toyota Hilux segunda");
        await PublicSearch.EventuallyAsync(api.Client, seller.Slug, "q=hilux", r => r.TotalCount == 2);
        (await PublicSearch.SearchAsync(cached.Client, seller.Slug, "q=hilux")).TotalCount.Should().Be(1, "the same query is still cached");
        (await PublicSearch.SearchAsync(cached.Client, seller.Slug, "q=hilux&limit=10")).TotalCount.Should().Be(2, "another query is not");
    }

    [Fact]
    public async Task Anonymous_callers_past_their_budget_get_429_with_retry_after()
    {
        await using var limited = await api.StartHostAsync("--Platform:RateLimits:AnonymousPerMinute=3");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await limited.Client.GetAsync(new Uri($"/api/public/network/listings?q=auto{i}", UriKind.Relative));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) response.Headers.RetryAfter.Should().NotBeNull();
        }
        statuses.Should().StartWith([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK]).And.Contain(HttpStatusCode.TooManyRequests);
    }
}

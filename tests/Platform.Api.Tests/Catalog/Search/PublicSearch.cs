using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Read.Catalog.Search;

namespace Platform.Api.Tests.Catalog.Search;

/// <summary>A buyer on the public API, with no sign-in; waits for the projection by polling, since it is asynchronous.</summary>
internal static class PublicSearch
{
    public static async Task<SearchResult> SearchAsync(HttpClient client, string slug, string query = "")
    {
        using var response = await client.GetAsync(new Uri($"/api/public/{slug}/listings?{query}", UriKind.Relative));
        return await ReadAsync<SearchResult>(response);
    }

    public static async Task<SearchResult> NetworkAsync(HttpClient client, string query = "")
    {
        using var response = await client.GetAsync(new Uri($"/api/public/network/listings?{query}", UriKind.Relative));
        return await ReadAsync<SearchResult>(response);
    }

    /// <summary>Searches until <paramref name="done"/> holds (the projection has caught up), then returns that result.</summary>
    public static async Task<SearchResult> EventuallyAsync(Func<Task<SearchResult>> search, Func<SearchResult, bool> done, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            // A tenant the projection has not seen yet is not found, like any unknown slug.
            var result = await TryAsync(search);
            if (result is not null && done(result)) return result;
            if (clock.Elapsed > TimeSpan.FromSeconds(20))
                throw new TimeoutException($"Timed out waiting until {what}; last result: {JsonSerializer.Serialize(result)}");
            await Task.Delay(50);
        }
    }

    public static Task<SearchResult> EventuallyAsync(HttpClient client, string slug, string query, Func<SearchResult, bool> done) =>
        EventuallyAsync(() => SearchAsync(client, slug, query), done, $"'{query}' on {slug} holds");

    /// <summary>Until the tenant's catalog shows exactly <paramref name="published"/> listings.</summary>
    public static Task<SearchResult> CaughtUpAsync(HttpClient client, string slug, int published) =>
        EventuallyAsync(client, slug, "", r => r.TotalCount == published);

    public static IEnumerable<string> Titles(this SearchResult result) => result.Hits.Select(h => h.Title);

    public static IEnumerable<Guid> Ids(this SearchResult result) => result.Hits.Select(h => h.ListingId);

    private static async Task<SearchResult?> TryAsync(Func<Task<SearchResult>> search)
    {
        try
        {
            return await search();
        }
        catch (HttpRequestException error) when (error.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.OK)
            throw new HttpRequestException(
                $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}", null, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<T>(JsonSerializerOptions.Web))!;
    }
}

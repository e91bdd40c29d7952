using System.Net;

namespace Platform.Api.Tests.Buyers;

/// <summary>The search read model is a projection: a listing reaches the buyers' pages a moment after it is published.</summary>
internal static class Searchable
{
    public static async Task WaitForAsync(HttpClient client, string slug, params Guid[] listings)
    {
        ArgumentNullException.ThrowIfNull(client);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var id in listings)
        {
            while (true)
            {
                using var response = await client.GetAsync(new Uri($"/catalogo/{slug}/{id:D}", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK) break;
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"Listing {id} did not reach the catalog of {slug}: {(int)response.StatusCode}.");
                await Task.Delay(100);
            }
        }
    }
}

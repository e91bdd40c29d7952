using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Catalog.Search;

/// <summary>A tenant's owner working the back office through the real API: listings, statuses, prices, synonyms, network.</summary>
internal sealed class Seller(TestAccount account, HttpClient anonymous) : IDisposable
{
    private readonly HttpClient client = anonymous.WithBearer(account);

    public TestAccount Account => account;

    public string Slug => account.Slug;

    /// <summary>A published vehicle; change any field of the sample through <paramref name="edit"/>.</summary>
    public async Task<Guid> PublishVehicleAsync(
        string title, string brand = "Toyota", string model = "Hilux", int year = 2021, int km = 48_000, string fuel = "diesel",
        string transmission = "automatic", decimal price = 182_000_000m, string city = "Medellín", string? description = null,
        bool featured = false, Action<JsonObject>? edit = null)
    {
        var id = await CreateVehicleAsync(title, brand, model, year, km, fuel, transmission, price, city, description, featured, edit);
        await SetStatusAsync(id, "published");
        return id;
    }

    public async Task<Guid> CreateVehicleAsync(
        string title, string brand = "Toyota", string model = "Hilux", int year = 2021, int km = 48_000, string fuel = "diesel",
        string transmission = "automatic", decimal price = 182_000_000m, string city = "Medellín", string? description = null,
        bool featured = false, Action<JsonObject>? edit = null)
    {
        var body = ListingSamples.Vehicle(title, price);
        body["city"] = city;
        body["featured"] = featured;
        if (description is not null) body["description"] = description;
        var vehicle = body["vehicle"]!.AsObject();
        (vehicle["brand"], vehicle["model"], vehicle["year"], vehicle["km"], vehicle["fuel"], vehicle["transmission"]) =
            (brand, model, year, km, fuel, transmission);
        edit?.Invoke(body);
        using var response = await client.PostAsJsonAsync(new Uri("/api/listings", UriKind.Relative), body);
        return (await Ok(response, HttpStatusCode.Created)).GetProperty("listingId").GetGuid();
    }

    public Task SetStatusAsync(Guid id, string status) => PutAsync($"/api/listings/{id}/status", new { status });

    public Task SetPriceAsync(Guid id, decimal amount) => PutAsync($"/api/listings/{id}/price", new { amount, currency = "COP" });

    public Task ReviseAsync(Guid id, JsonObject content) => PutAsync($"/api/listings/{id}", content);

    public Task ClearBrandListAsync() => PutAsync("/api/catalog/reference-lists/brands", new { items = Array.Empty<object>() }, HttpStatusCode.NoContent);

    public Task JoinNetworkAsync(bool member = true) => PutAsync("/api/tenant/network", new { member }, HttpStatusCode.NoContent);

    public Task SetSynonymsAsync(params string[][] groups) => PutAsync("/api/catalog/synonyms", new { groups }, HttpStatusCode.NoContent);

    public HttpClient Client => client;

    private async Task PutAsync(string path, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.PutAsJsonAsync(new Uri(path, UriKind.Relative), body, JsonSerializerOptions.Web);
        await Ok(response, expected);
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage response, HttpStatusCode expected)
    {
        var json = await TestAccounts.ReadJsonAsync(response);
        if (response.StatusCode != expected)
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {json}");
        return json;
    }

    public void Dispose() => client.Dispose();
}

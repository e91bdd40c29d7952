using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Api.Tests.Auth;
using Platform.Api.Tests.Catalog;

namespace Platform.Api.Tests.Audit;

/// <summary>A host whose chain sealer records a head on every seal, and helpers to give a tenant some history.</summary>
internal static class AuditWorld
{
    public static Task<ApiHost> StartAsync(string connectionString) => ApiHost.StartAsync(
        $"--ConnectionStrings:Platform={connectionString}", "--Platform:Audit:HeadInterval=00:00:00", "--Platform:Audit:SealInterval=00:00:00.100");

    /// <summary>Creates a listing (v1), publishes it (v2), changes its price (v3); returns its id.</summary>
    public static async Task<Guid> ListingWithHistoryAsync(HttpClient owner, string title = "Toyota Hilux 2.8 diésel 4x4")
    {
        using var created = await owner.PostAsJsonAsync(new Uri("/api/listings", UriKind.Relative), ListingSamples.Vehicle(title));
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await TestAccounts.ReadJsonAsync(created)).GetProperty("listingId").GetGuid();
        await SendAsync(owner, HttpMethod.Put, $"/api/listings/{id}/status", new { status = "published" });
        await SendAsync(owner, HttpMethod.Put, $"/api/listings/{id}/price", new { amount = 175_000_000m, currency = "COP" });
        return id;
    }

    public static async Task SendAsync(HttpClient client, HttpMethod method, string path, object body)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) });
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var json = await TestAccounts.ReadJsonAsync(response);
        response.StatusCode.Should().Be(expected, json.ValueKind == JsonValueKind.Undefined ? "" : json.ToString());
        return json;
    }

    /// <summary>Waits until every committed event of the tenant is sealed, and returns that report.</summary>
    public static async Task<JsonElement> SealedAsync(HttpClient auditor)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var report = await GetAsync(auditor, "/api/audit/chain");
            if (report.GetProperty("unsealed").GetInt64() == 0 && report.GetProperty("sealed").GetInt64() > 0) return report;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The chain was never sealed: {report}");
            await Task.Delay(100);
        }
    }
}

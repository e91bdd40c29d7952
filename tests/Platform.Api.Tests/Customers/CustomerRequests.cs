using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Customers;

internal static class CustomerRequests
{
    public static JsonObject Body(string name = "José Pérez", string phone = "300 555 1234", string? email = null) => new()
    {
        ["name"] = name,
        ["phones"] = new JsonArray(phone),
        ["emails"] = new JsonArray(email ?? $"cliente-{Guid.NewGuid():N}@example.test"),
        ["address"] = "Calle 10 # 43-12, Medellín",
        ["notes"] = "Prefiere WhatsApp",
    };

    public static async Task<Guid> CreateAsync(HttpClient client, JsonObject? body = null)
    {
        using var created = await client.PostAsJsonAsync(new Uri("/api/customers", UriKind.Relative), body ?? Body());
        var json = await TestAccounts.ReadJsonAsync(created);
        if (!created.IsSuccessStatusCode) throw new InvalidOperationException($"Creating a customer answered {(int)created.StatusCode}: {json}");
        return json.GetProperty("customerId").GetGuid();
    }

    public static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body, options: JsonSerializerOptions.Web) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var json = await TestAccounts.ReadJsonAsync(response);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {json}");
        return json;
    }

    public static IEnumerable<Guid> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("customerId").GetGuid());
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Leads;

internal static class LeadRequests
{
    public static JsonObject Body(string name = "Laura Ríos", string? phone = "300 555 1234", string? email = null) => new()
    {
        ["name"] = name,
        ["phone"] = phone,
        ["email"] = email ?? $"lead-{Guid.NewGuid():N}@example.test",
        ["message"] = "Busco una camioneta para el campo",
        ["campaign"] = "feria-2026",
        ["budget"] = 150_000_000m,
        ["timeline"] = "month",
    };

    public static async Task<Guid> CreateAsync(HttpClient client, JsonObject? body = null)
    {
        using var created = await client.PostAsJsonAsync(new Uri("/api/leads", UriKind.Relative), body ?? Body());
        var json = await TestAccounts.ReadJsonAsync(created);
        if (created.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"Creating a lead answered {(int)created.StatusCode}: {json}");
        return json.GetProperty("leadId").GetGuid();
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object? body = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative));
        if (body is not null) request.Content = JsonContent.Create(body, options: JsonSerializerOptions.Web);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var json = await TestAccounts.ReadJsonAsync(response);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {json}");
        return json;
    }

    public static IEnumerable<Guid> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("leadId").GetGuid());

    public static async Task JoinNetworkAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri("/api/tenant/network", UriKind.Relative))
        {
            Content = JsonContent.Create(new { member = true }),
        };
        using var response = await client.SendAsync(request);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Joining the network answered {(int)response.StatusCode}");
    }

    /// <summary>Waits for the daemon's reactors: the first non-null answer of <paramref name="probe"/>, or null after 30 s.</summary>
    public static async Task<T?> EventuallyAsync<T>(Func<Task<T?>> probe)
    {
        for (var i = 0; i < 150; i++)
        {
            if (await probe() is { } found) return found;
            await Task.Delay(200);
        }
        return default;
    }
}

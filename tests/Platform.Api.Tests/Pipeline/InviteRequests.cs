using System.Net.Http.Json;
using System.Text.Json;
using Platform.Api.Tests.Tenancy;
using Platform.Write.Tenancy;

namespace Platform.Api.Tests.Pipeline;

/// <summary>POST /api/users/invite, with or without an Idempotency-Key, for the pipeline tests.</summary>
public static class InviteRequests
{
    public static string NewKey() => $"k-{Guid.NewGuid():N}";

    public static string NewEmail() => $"invitado-{Guid.NewGuid():N}@example.com";

    public static async Task<HttpResponseMessage> InviteAsync(HttpClient client, string? key, string email, string role = Roles.Sales)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/users/invite", UriKind.Relative))
        {
            Content = JsonContent.Create(new { email, role }),
        };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>Every event of the tenant, read past row-level security.</summary>
    public static Task<long> EventCountAsync(TenancyApp app, Guid tenantId)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.ScalarAsync<long>("select count(*) from events where tenant_id = $1", tenantId);
    }
}

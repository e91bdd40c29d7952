using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Platform.Api;

namespace Platform.Benchmarks.Search;

/// <summary>
/// The Api host as deployed, in this process, on the benchmark's database: the projection daemon
/// builds the search read model, and the cases call the public API over loopback HTTP. The public
/// cache and the anonymous rate limit are off, so every request runs its queries.
/// </summary>
internal sealed class SearchHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private SearchHost(WebApplication app)
    {
        this.app = app;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<SearchHost> StartAsync(string connectionString, CancellationToken ct)
    {
        var app = PlatformApp.Build(
        [
            "--Urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", $"--ConnectionStrings:Platform={connectionString}",
            "--Platform:PublicSearch:CacheSeconds=0", "--Platform:RateLimits:AnonymousPerMinute=0",
            "--Platform:RateLimits:PerUserPerMinute=0", "--Platform:RateLimits:PerTenantPerMinute=0",
        ]);
        await app.StartAsync(ct);
        return new SearchHost(app);
    }

    /// <summary>Signs a tenant up through the API; answers its id and its owner's access token.</summary>
    public async Task<(Guid TenantId, string AccessToken)> RegisterAsync(string slug, string name, CancellationToken ct)
    {
        var body = new Dictionary<string, string>
        {
            ["name"] = name, ["slug"] = slug, ["country"] = "CO", ["timeZone"] = "America/Bogota", ["currency"] = "COP",
            ["industry"] = "dealership", ["displayName"] = "Gerente", ["email"] = $"gerente@{slug}.example.test", ["password"] = "benchmark-password-1",
        };
        using var response = await Client.PostAsJsonAsync(new Uri("/api/auth/register", UriKind.Relative), body, ct);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Sign-up of {slug} answered {(int)response.StatusCode}: {json}");
        return (json.GetProperty("tenantId").GetGuid(), json.GetProperty("tokens").GetProperty("accessToken").GetString()!);
    }

    public async Task JoinNetworkAsync(string accessToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri("/api/tenant/network", UriKind.Relative))
        {
            Content = JsonContent.Create(new { member = true }),
        };
        request.Headers.Authorization = new("Bearer", accessToken);
        using var response = await Client.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

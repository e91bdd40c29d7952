using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Auth;
using Platform.Api.Tests.Catalog;
using Platform.Testing;
using Platform.Write.Catalog;
using Platform.Write.EventStore;

namespace Platform.Api.Tests.Buyers;

/// <summary>
/// A fresh database and a running host for buyers' tests, with a quote budget large enough that
/// only the rate-limit test (on its own host) meets it.
/// </summary>
public sealed class BuyerApiFixture : IAsyncLifetime
{
    private ApiHost? host;

    public DatabaseFixture Database { get; } = new();

    internal ApiHost Host => host ?? throw new InvalidOperationException("The fixture is used before xunit initialised it.");

    public HttpClient Client => Host.Client;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        host = await StartHostAsync("--Platform:RateLimits:QuotesPerWindow=100000", "--Platform:RateLimits:AnonymousPerMinute=100000");
    }

    internal Task<ApiHost> StartHostAsync(params string[] settings) =>
        ApiHost.StartAsync([$"--ConnectionStrings:Platform={Database.ConnectionString}", .. settings]);

    /// <summary>Creates a vehicle listing through the back office and, unless <paramref name="status"/> is draft, moves it there.</summary>
    public static async Task<Guid> ListingAsync(HttpClient owner, string status = "published", JsonObject? body = null)
    {
        ArgumentNullException.ThrowIfNull(owner);
        using var created = await owner.PostAsJsonAsync(new Uri("/api/listings", UriKind.Relative), body ?? ListingSamples.Vehicle());
        if (created.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException(await created.Content.ReadAsStringAsync());
        var id = (await TestAccounts.ReadJsonAsync(created)).GetProperty("listingId").GetGuid();
        string[] path = status switch
        {
            "draft" => [],
            "sold" or "reserved" or "withdrawn" => ["published", status],
            _ => [status],
        };
        foreach (var next in path)
        {
            using var changed = await owner.PutAsJsonAsync(new Uri($"/api/listings/{id}/status", UriKind.Relative), new { status = next });
            if (changed.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException(await changed.Content.ReadAsStringAsync());
        }
        return id;
    }

    /// <summary>The data of every quote request stored for the tenant, oldest first, personal fields opened by the host.</summary>
    public async Task<List<JsonObject>> QuotesAsync(Guid tenantId)
    {
        await using var command = Database.DataSource.CreateCommand(
            "select data::text from events where tenant_id = $1 and stream_id like 'quote-%' and type = 'catalog.quote-requested.v1' order by position");
        command.Parameters.Add(new() { Value = tenantId });
        await using var reader = await command.ExecuteReaderAsync();
        var quotes = new List<JsonObject>();
        var serializer = Host.Services.GetRequiredService<EventSerializer>();
        while (await reader.ReadAsync())
            quotes.Add(JsonSerializer.SerializeToNode(serializer.Deserialize(CatalogEvents.QuoteRequestedName, reader.GetString(0)), EventSerializer.Json)!.AsObject());
        return quotes;
    }

    public async Task DisposeAsync()
    {
        if (host is not null) await host.DisposeAsync();
        await Database.DisposeAsync();
    }
}

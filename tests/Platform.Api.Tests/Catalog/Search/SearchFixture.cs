using Platform.Api.Tests.Auth;
using Platform.Testing;

namespace Platform.Api.Tests.Catalog.Search;

/// <summary>
/// A fresh database and one host with the public cache off (tests watch the projection catch up)
/// and no anonymous rate limit, shared by the tests of one class; each test makes its own tenants.
/// </summary>
public sealed class SearchFixture : IAsyncLifetime
{
    private ApiHost? host;

    public DatabaseFixture Database { get; } = new();

    internal ApiHost Host => host ?? throw new InvalidOperationException("The fixture is used before xunit initialised it.");

    public HttpClient Client => Host.Client;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        host = await StartHostAsync();
    }

    /// <summary>Another host on the same database; later settings win over the defaults here.</summary>
    internal Task<ApiHost> StartHostAsync(params string[] settings) => ApiHost.StartAsync(
    [
        $"--ConnectionStrings:Platform={Database.ConnectionString}", "--Platform:PublicSearch:CacheSeconds=0",
        "--Platform:RateLimits:AnonymousPerMinute=0", "--Platform:RateLimits:PerUserPerMinute=0", "--Platform:RateLimits:PerTenantPerMinute=0",
        .. settings,
    ]);

    /// <summary>A new tenant, signed in as its owner, ready to list and publish.</summary>
    /// <summary>A new dealership whose brand list is cleared, so the tests' vehicles may name any brand and model.</summary>
    internal async Task<Seller> NewSellerAsync()
    {
        var seller = new Seller(await TestAccounts.RegisterTenantAsync(Client), Client);
        await seller.ClearBrandListAsync();
        return seller;
    }

    public async Task DisposeAsync()
    {
        if (host is not null) await host.DisposeAsync();
        await Database.DisposeAsync();
    }
}

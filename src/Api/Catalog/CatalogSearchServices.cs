using Platform.Projections.Catalog;
using Platform.Projections.Daemon;
using Platform.Read.Catalog.Search;

namespace Platform.Api.Catalog;

/// <summary>Buyers' search in the host: the projection that builds it, the search itself, its endpoints and its brief cache.</summary>
internal static class CatalogSearchServices
{
    private const int DefaultCacheSeconds = 10;

    public static IServiceCollection AddCatalogSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProjection<CatalogSearchProjection>();
        services.AddSingleton<PublicReads>();
        services.AddSingleton<ICatalogSearch, PostgresCatalogSearch>();
        var seconds = CacheSeconds(configuration);
        services.AddOutputCache(options =>
            options.AddPolicy(PublicSearchEndpoints.CachePolicy, policy => policy.Expire(TimeSpan.FromSeconds(Math.Max(1, seconds)))));
        return services;
    }

    public static WebApplication MapCatalogSearchEndpoints(this WebApplication app)
    {
        app.MapPublicSearchEndpoints(cached: CacheSeconds(app.Configuration) > 0);
        app.MapCatalogSearchAdminEndpoints();
        return app;
    }

    /// <summary>0 turns the public cache off (tests that watch the projection catch up, benchmarks of the query itself).</summary>
    private static int CacheSeconds(IConfiguration configuration) =>
        configuration.GetValue("Platform:PublicSearch:CacheSeconds", DefaultCacheSeconds);
}

namespace Platform.Api.Public;

/// <summary>What buyers reach without signing in: the catalog pages, sitemaps and the quote request.</summary>
internal static class PublicCatalog
{
    public static IServiceCollection AddPublicCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<PublicTenants>();
        services.AddQuoteRateLimit(configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapPublicCatalog(this IEndpointRouteBuilder app)
    {
        app.MapQuoteEndpoints();
        app.MapCatalogPages();
        app.MapSitemapEndpoints();
        return app;
    }
}

using Platform.Projections.Analytics;
using Platform.Projections.Daemon;

namespace Platform.Api.Analytics;

public static class AnalyticsServices
{
    /// <summary>The sales-analytics projection, which the dashboard reads.</summary>
    public static IServiceCollection AddSalesAnalytics(this IServiceCollection services) => services.AddProjection<SalesAnalyticsProjection>()
        .AddProjection<CatalogAnalyticsProjection>()
        .AddProjection<DeviceAnalyticsProjection>()
        .AddProjection<SalesForecastProjection>();
}

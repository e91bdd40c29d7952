using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Projections.Alerts;
using Platform.Projections.Daemon;
using Platform.Write.EventStore;

namespace Platform.Api.Devices;

internal static class AlertServices
{
    /// <summary>
    /// The alerts reactor (run by the projection daemon, where it runs) and, beside it, the no-data
    /// sweep (Platform:Alerts:SweepSeconds, default 30).
    /// </summary>
    public static IServiceCollection AddDeviceAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<ReactorAppend>();
        services.AddProjection<DeviceAlertsReactor>();
        var seconds = Math.Max(1, configuration.GetValue("Platform:Alerts:SweepSeconds", 30));
        services.TryAddSingleton(sp => new NoDataSweep(sp, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<NoDataSweep>>())
        {
            Interval = TimeSpan.FromSeconds(seconds),
        });
        if (configuration.GetValue("Platform:Projections:RunDaemon", true))
            services.AddHostedService(sp => sp.GetRequiredService<NoDataSweep>());
        return services;
    }
}

using Platform.Projections.Daemon;
using Platform.Projections.Devices;
using Platform.Read.Devices;

namespace Platform.Api.Devices;

/// <summary>Devices' readings as read models: the projection that builds them and the live feed's reader.</summary>
internal static class DeviceTelemetryServices
{
    public static IServiceCollection AddDeviceTelemetry(this IServiceCollection services)
    {
        services.AddProjection<DeviceTelemetryProjection>();
        services.AddSingleton<DeviceFeedReader>();
        return services;
    }
}

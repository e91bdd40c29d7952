using Platform.Ingest;

namespace Platform.Api.Devices;

internal static class DeviceServices
{
    /// <summary>The ingest as configured (Platform:Mqtt, Platform:Ingest); its health only where the worker runs.</summary>
    public static IServiceCollection AddDeviceIngest(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIngest(configuration);
        var broker = configuration.GetValue("Platform:Mqtt:Embedded", false);
        if (configuration.GetValue<bool?>("Platform:Ingest:Enabled") ?? broker)
            services.AddHealthChecks().AddCheck<IngestHealthCheck>("ingest", timeout: TimeSpan.FromSeconds(5));
        return services;
    }
}

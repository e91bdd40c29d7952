namespace Platform.Api.Demo;

/// <summary>Platform:Demo:Seed=true (run.sh sets it; tests do not) seeds the demo dealership at start-up.</summary>
internal static class DemoCatalog
{
    public static IServiceCollection AddDemoCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Platform:Demo").Get<DemoOptions>() ?? new DemoOptions();
        if (!options.Seed) return services;
        services.AddSingleton(options);
        if (options.Devices) services.AddSingleton<DemoDeviceFleet>().AddHostedService<DemoDeviceSimulator>();
        return services.AddHostedService<DemoSeeder>();
    }
}

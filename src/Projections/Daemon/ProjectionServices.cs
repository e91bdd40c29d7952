using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Platform.Projections.Daemon;

public static class ProjectionServices
{
    /// <summary>
    /// Registers the daemon as a hosted service, with its status reader and operator operations.
    /// Needs the event store (<c>AddEventStore</c>) and an <see cref="NpgsqlDataSource"/>.
    /// With <paramref name="runDaemon"/> false the process only reads status and sends operator
    /// requests (an API replica while separate projection services run the daemon).
    /// </summary>
    public static IServiceCollection AddProjections(
        this IServiceCollection services, Action<ProjectionOptions>? configure = null, bool runDaemon = true)
    {
        var options = new ProjectionOptions();
        configure?.Invoke(options);
        options.Validate();
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ProjectionRunnerRegistry>();
        services.TryAddSingleton<ProjectionCatalog>();
        services.TryAddSingleton(sp => new ProjectionDaemon(
            sp, sp.GetRequiredService<ProjectionCatalog>(), sp.GetRequiredService<ProjectionOptions>(),
            sp.GetRequiredService<ProjectionRunnerRegistry>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance));
        if (runDaemon)
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ProjectionDaemon>(sp => sp.GetRequiredService<ProjectionDaemon>()));
        services.TryAddSingleton<ProjectionStatusReader>();
        services.TryAddSingleton<ProjectionOperations>();
        return services;
    }

    /// <summary>Adds a projection (or reactor) for the daemon to run; one instance per process.</summary>
    public static IServiceCollection AddProjection<TProjection>(this IServiceCollection services)
        where TProjection : class, IProjection
    {
        services.TryAddSingleton<TProjection>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProjection, TProjection>(sp => sp.GetRequiredService<TProjection>()));
        return services;
    }
}

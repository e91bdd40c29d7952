using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Platform.Write.EventStore;

public static class EventStoreServices
{
    /// <summary>Registers the store over the container's <see cref="NpgsqlDataSource"/>.</summary>
    public static IServiceCollection AddEventStore(
        this IServiceCollection services, Action<EventStoreOptions>? configure = null)
    {
        var options = new EventStoreOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(options);
        services.TryAddSingleton<EventTypeRegistry>();
        services.TryAddSingleton<EventSerializer>();
        services.TryAddSingleton(sp => new EventNotifier(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<EventStoreOptions>(),
            sp.GetService<ILogger<EventNotifier>>() ?? NullLogger<EventNotifier>.Instance));
        services.TryAddSingleton<EventStore>();
        services.TryAddSingleton<TransactionalAppend>();
        services.TryAddSingleton<EventReader>();
        services.TryAddSingleton<EventSubscription>();
        services.TryAddSingleton<BulkAppender>();
        return services;
    }
}

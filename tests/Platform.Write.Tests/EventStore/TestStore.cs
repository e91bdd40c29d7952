using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.Write.EventStore;
using Platform.Write.Storage;

namespace Platform.Write.Tests.EventStore;

/// <summary>The event store's parts over one migrated test database.</summary>
public sealed class TestStore : IAsyncDisposable
{
    private TestStore(NpgsqlDataSource dataSource, EventStoreOptions options)
    {
        DataSource = dataSource;
        Options = options;
        Serializer = new EventSerializer(TestEvents.Registry());
        Notifier = new EventNotifier(dataSource, options, NullLogger<EventNotifier>.Instance);
        Store = new Platform.Write.EventStore.EventStore(dataSource, Serializer, Notifier, options);
        Reader = new EventReader(dataSource, Serializer, options);
        Subscription = new EventSubscription(Reader, Notifier, options);
        Bulk = new BulkAppender(dataSource, Serializer, Notifier, options);
    }

    public NpgsqlDataSource DataSource { get; }
    public EventStoreOptions Options { get; }
    public EventSerializer Serializer { get; }
    public EventNotifier Notifier { get; }
    public Platform.Write.EventStore.EventStore Store { get; }
    public EventReader Reader { get; }
    public EventSubscription Subscription { get; }
    public BulkAppender Bulk { get; }

    public static async Task<TestStore> CreateAsync(string connectionString, Action<EventStoreOptions>? configure = null)
    {
        var options = new EventStoreOptions();
        configure?.Invoke(options);
        var dataSource = PlatformDataSource.Create(connectionString);
        await EventStoreSchema.MigrateAsync(dataSource);
        return new TestStore(dataSource, options);
    }

    public async Task<long> CountAsync(string where = "true")
    {
        await using var command = DataSource.CreateCommand($"select count(*) from events where {where}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await Notifier.DisposeAsync();
        await DataSource.DisposeAsync();
    }
}

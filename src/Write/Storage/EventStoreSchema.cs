using Npgsql;

namespace Platform.Write.Storage;

/// <summary>The event store's tables and functions, created and upgraded at start-up.</summary>
public static class EventStoreSchema
{
    public const string Module = "event-store";

    public static Task MigrateAsync(NpgsqlDataSource dataSource, CancellationToken ct = default) =>
        SchemaMigrator.MigrateAsync(dataSource, Module, typeof(EventStoreSchema).Assembly, "Storage.Migrations", ct);
}

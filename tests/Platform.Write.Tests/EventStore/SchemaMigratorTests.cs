using Npgsql;
using Platform.Testing;
using Platform.Write.Storage;

namespace Platform.Write.Tests.EventStore;

public sealed class SchemaMigratorTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Migrating_again_and_concurrently_is_harmless()
    {
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => EventStoreSchema.MigrateAsync(dataSource)));
        await EventStoreSchema.MigrateAsync(dataSource);

        await using var command = dataSource.CreateCommand(
            "select string_agg(name, ',' order by version), count(*) = count(distinct version) from schema_migrations where module = 'event-store'");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        reader.GetString(0).Should().Be("0001_event_store,0002_append_events,0003_append_events_lookup,0004_event_chain");
        reader.GetBoolean(1).Should().BeTrue();
    }

    [Fact]
    public async Task A_migration_edited_after_it_was_applied_is_refused()
    {
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await EventStoreSchema.MigrateAsync(dataSource);
        const string Where = "where version = 1 and module = 'event-store'";
        await using (var tamper = dataSource.CreateCommand($"update schema_migrations set checksum = 'x' || checksum {Where}"))
            await tamper.ExecuteNonQueryAsync();

        var migrate = () => EventStoreSchema.MigrateAsync(dataSource);

        (await migrate.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*0001_event_store*changed*");
        await using var restore = dataSource.CreateCommand($"update schema_migrations set checksum = substr(checksum, 2) {Where}");
        await restore.ExecuteNonQueryAsync();
    }
}

using Npgsql;
using Platform.Projections.Storage;
using Platform.Testing;
using Platform.Write.EventStore;
using Platform.Write.Storage;
using Xunit.Abstractions;

namespace Platform.Projections.Tests.Crash;

public sealed record CrashIncrement(long By);

public sealed class KillNineTests(DatabaseFixture database, ITestOutputHelper output) : IClassFixture<DatabaseFixture>
{
    private const int Events = 50_000;
    private const int Kills = 20;

    [Fact]
    public async Task Killing_the_daemon_at_twenty_random_instants_leaves_the_read_model_equal_to_a_clean_rebuild()
    {
        await using var dataSource = PlatformDataSource.Create(database.ConnectionString);
        await AppendHistoryAsync(dataSource);
        var random = new Random(2026);

        for (var kill = 1; kill <= Kills; kill++)
        {
            // Slowed down (20 ms per batch of 100) so all kills land while the build is under way.
            using var host = CrashHostProcess.Start(database.ConnectionString, batchSize: 100, delayPerBatchMs: 20);
            var before = await AppliedAsync(dataSource);
            var started = DateTime.UtcNow;
            while (await AppliedAsync(dataSource) == before && DateTime.UtcNow - started < TimeSpan.FromSeconds(30)) await Task.Delay(10);
            await Task.Delay(random.Next(0, 250));
            host.HasExited.Should().BeFalse("the daemon runs until it is killed");
            host.KillNine();
            output.WriteLine($"kill {kill}: applied {before} -> {await AppliedAsync(dataSource)}");
        }
        (await AppliedAsync(dataSource)).Should().BeLessThan(Events, "every kill landed while the projection was still building");

        using (CrashHostProcess.Start(database.ConnectionString, batchSize: 500, delayPerBatchMs: 0))
        {
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (await AppliedAsync(dataSource) < Events && DateTime.UtcNow < deadline) await Task.Delay(100);
        }

        (await AppliedAsync(dataSource)).Should().Be(Events);
        var projected = await HashAsync(dataSource, "select tenant_id, stream_id, events, total, last_version from crash_totals_v1");
        var rebuilt = await HashAsync(dataSource,
            "select tenant_id, stream_id, count(*), sum((data->>'by')::bigint), max(version) from events group by tenant_id, stream_id");
        projected.Should().Be(rebuilt);
    }

    private static async Task AppendHistoryAsync(NpgsqlDataSource dataSource)
    {
        await EventStoreSchema.MigrateAsync(dataSource);
        await ProjectionsSchema.MigrateAsync(dataSource);
        var registry = new EventTypeRegistry().Register<CrashIncrement>("test.counter-incremented.v1");
        var options = new EventStoreOptions();
        await using var notifier = new EventNotifier(dataSource, options, Microsoft.Extensions.Logging.Abstractions.NullLogger<EventNotifier>.Instance);
        var bulk = new BulkAppender(dataSource, new EventSerializer(registry), notifier, options);
        var tenants = new[] { Guid.CreateVersion7(), Guid.CreateVersion7() };
        for (var chunk = 0; chunk < Events / 5_000; chunk++)
        {
            await bulk.AppendAsync([.. Enumerable.Range(chunk * 5_000, 5_000).Select(i =>
                new BulkEvent(tenants[i % 2], $"counter-{i % 300}", Guid.CreateVersion7(), new CrashIncrement(i % 7 + 1)))]);
        }
    }

    private static async Task<long> AppliedAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(
            "select coalesce((select events_applied from projection_checkpoints where projection = 'crash-totals.v1'), 0)");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<string> HashAsync(NpgsqlDataSource dataSource, string rows)
    {
        await using var command = dataSource.CreateCommand(
            $"select md5(string_agg(r::text, '|' order by r::text)) from ({rows}) r");
        return (string)(await command.ExecuteScalarAsync())!;
    }
}

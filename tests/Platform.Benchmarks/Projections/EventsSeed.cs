using Microsoft.Extensions.Logging.Abstractions;
using Platform.Benchmarks.Append;
using Platform.Projections.Storage;
using Platform.Write.EventStore;
using Platform.Write.Storage;

namespace Platform.Benchmarks.Projections;

/// <summary>
/// A template database holding the events every rebuild reads: ItemNoted events interleaved over
/// 2,000 streams of 4 tenants, appended through BulkAppender, with both schemas migrated. Each
/// run copies it, so every run starts from the same files with no read table and no checkpoint.
/// </summary>
internal sealed record EventsSeed(string Database, int Events, decimal Total)
{
    public const int Streams = 2_000;
    private const int BulkSize = 5_000;

    public static IReadOnlyList<Guid> Tenants { get; } =
        [.. Enumerable.Range(1, 4).Select(t => Guid.Parse($"0195c3a0-0000-7000-8000-00000000000{t}"))];

    public static async Task<EventsSeed> CreateAsync(LocalPostgres postgres, string database, int events, CancellationToken ct)
    {
        await postgres.CreateDatabaseAsync(database, ct);
        await using var dataSource = PlatformDataSource.Create(postgres.ConnectionString(database));
        await EventStoreSchema.MigrateAsync(dataSource, ct);
        await ProjectionsSchema.MigrateAsync(dataSource, ct);

        var options = new EventStoreOptions();
        await using (var notifier = new EventNotifier(dataSource, options, NullLogger<EventNotifier>.Instance))
        {
            var bulk = new BulkAppender(dataSource, new EventSerializer(BenchmarkEvents.Registry()), notifier, options);
            for (var offset = 0; offset < events; offset += BulkSize)
            {
                var size = Math.Min(BulkSize, events - offset);
                var result = await bulk.AppendAsync([.. Enumerable.Range(offset, size).Select(Event)], ct);
                if (result.Appended != size) throw new InvalidOperationException($"The seed stored {result.Appended} of {size} events.");
            }
        }

        // Sets hint bits and the visibility map now: otherwise the first reader of each copy pays
        // for writing them, and the first round of a side would read slower than the next.
        await using (var vacuum = dataSource.CreateCommand("vacuum (analyze) events"))
            await vacuum.ExecuteNonQueryAsync(ct);
        var total = Enumerable.Range(0, events).Sum(i => BenchmarkEvents.Item(i).Amount);
        return new EventsSeed(database, events, total);
    }

    private static BulkEvent Event(int seq)
    {
        var stream = seq % Streams;
        return new BulkEvent(
            Tenants[stream % Tenants.Count], BenchmarkEvents.StreamId(stream), Guid.CreateVersion7(),
            BenchmarkEvents.Item(seq), BenchmarkEvents.Metadata);
    }
}

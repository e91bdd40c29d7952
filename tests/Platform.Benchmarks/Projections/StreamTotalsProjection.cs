using Platform.Benchmarks.Append;
using Platform.Projections.Daemon;
using Platform.Write.EventStore;

namespace Platform.Benchmarks.Projections;

/// <summary>Our side: the stream totals as a daemon projection, one upsert per event in one round trip per batch.</summary>
internal sealed class StreamTotalsProjection : IProjection
{
    public const string ProjectionName = "bench-stream-totals";

    public string Name => ProjectionName;
    public int Version => 1;
    public IReadOnlyCollection<string> EventTypes => [BenchmarkEvents.ItemNotedName];
    public IReadOnlyCollection<string> Tables => [StreamTotalsSql.BaseTable];

    /// <summary>The first generation's table, which the rounds check and the lag query reads (a view hides xmin).</summary>
    public static string Table => ProjectionIdentity.Table(StreamTotalsSql.BaseTable, 1);

    public async Task InitializeAsync(ProjectionContext context, CancellationToken ct)
    {
        await using var command = context.CreateCommand(StreamTotalsSql.CreateTable(context.Table(StreamTotalsSql.BaseTable)));
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        var table = context.Table(StreamTotalsSql.BaseTable);
        await using var batch = context.CreateBatch();
        // The daemon has already deserialized each event; a projection uses the typed event.
        foreach (var e in events)
            batch.BatchCommands.Add(StreamTotalsSql.Upsert(table, e.TenantId, e.StreamId, ((ItemNoted)e.Data!).Amount, e.Version));
        await batch.ExecuteNonQueryAsync(ct);
    }
}

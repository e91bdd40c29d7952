using Platform.Write.EventStore;

namespace Platform.Api.Demo.History;

/// <summary>
/// Appends a generated history through the bulk path, in batches in its causal order, each event with
/// its backdated time; personal data is sealed by the appender and a replayed batch is deduplicated by id.
/// The next batch is prepared (validated, serialized) while the previous one is written.
/// </summary>
public sealed class SalesHistoryWriter(BulkAppender appender)
{
    public const int BatchSize = 5_000;

    /// <summary><paramref name="written"/>: called after each batch commits, with its events (the demo writes their rows there).</summary>
    public async Task<BulkAppendResult> AppendAsync(
        Guid tenantId, IReadOnlyList<HistoryEvent> events, Func<IReadOnlyList<HistoryEvent>, CancellationToken, Task>? written = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var (appended, duplicates) = (0, 0);
        var batches = events.Chunk(BatchSize).ToList();
        var next = batches.Count > 0 ? Task.Run(() => appender.Prepare(Bulk(tenantId, batches[0])), ct) : null;
        for (var i = 0; i < batches.Count; i++)
        {
            var prepared = await next!;
            next = i + 1 < batches.Count ? Task.Run(() => appender.Prepare(Bulk(tenantId, batches[i + 1])), ct) : null;
            var result = await appender.AppendAsync(prepared, ct);
            (appended, duplicates) = (appended + result.Appended, duplicates + result.Duplicates);
            if (written is not null) await written(batches[i], ct);
        }
        return new BulkAppendResult(appended, duplicates);
    }

    private static BulkEvent[] Bulk(Guid tenantId, HistoryEvent[] batch) => [.. batch.Select(e => e.ToBulk(tenantId))];
}

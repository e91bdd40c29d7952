using Npgsql;
using Platform.Projections.Daemon;
using Platform.Read.Catalog.Search;
using Platform.Write.Catalog;
using Platform.Write.EventStore;

namespace Platform.Projections.Catalog;

/// <summary>
/// Buyers' search read model: one row per listing with its filters and weighted search vector, the
/// network's copy of published listings of tenants in the network, tenant slugs, vocabularies for
/// typo correction and synonyms. Runs of listing events are applied together: one read, one write.
/// </summary>
public sealed class CatalogSearchProjection : IProjection
{
    public const string ProjectionName = "catalog-search";

    private static readonly string[] ListingEvents =
    [
        CatalogEvents.ListingCreatedName, CatalogEvents.ListingRevisedName, CatalogEvents.ListingPriceChangedName,
        CatalogEvents.ListingStatusChangedName,
    ];

    public string Name => ProjectionName;

    public int Version => 1;

    public IReadOnlyCollection<string> EventTypes { get; } = [.. ListingEvents, .. CatalogTenants.EventTypes];

    public IReadOnlyCollection<string> Tables => CatalogSearchTables.All;

    public async Task InitializeAsync(ProjectionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        await CatalogSearchSchema.CreateAsync(context, ct);
        await CatalogSearchTables.CreateAsync(context, await CatalogSearchSchema.HasRumAsync(context, ct), ct);
    }

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(events);
        var run = new List<RecordedEvent>();
        foreach (var e in events)
        {
            if (ListingEvents.Contains(e.Type))
            {
                run.Add(e);
                continue;
            }
            await ApplyListingsAsync(context, run, ct);
            run.Clear();
            await CatalogTenants.ApplyAsync(context, e, ct);
        }
        await ApplyListingsAsync(context, run, ct);
    }

    private static async Task ApplyListingsAsync(ProjectionContext context, List<RecordedEvent> run, CancellationToken ct)
    {
        if (run.Count == 0) return;
        var keys = run.Select(e => (e.TenantId, ListingIdOf(e.Data))).Where(k => k.Item2 != Guid.Empty).Distinct().ToList();
        var before = await SearchRows.LoadAsync(context, keys, ct);
        var after = new Dictionary<(Guid, Guid), ListingDocument>(before);
        foreach (var e in run)
        {
            var key = (e.TenantId, ListingIdOf(e.Data));
            var next = ListingDocument.Apply(after.GetValueOrDefault(key), e.TenantId, e.Data, e.RecordedAt);
            if (next is not null) after[key] = next;
        }
        var changed = after.Where(a => !before.TryGetValue(a.Key, out var old) || old != a.Value).Select(a => a.Value).ToList();
        if (changed.Count == 0) return;

        var deltas = new Dictionary<(Guid Tenant, string Word), int>();
        foreach (var document in changed)
            WordCounts.AddDeltas(deltas, document.TenantId, before.GetValueOrDefault((document.TenantId, document.ListingId)), document);
        await using var batch = context.CreateBatch();
        batch.BatchCommands.Add(SearchRows.Upsert(context, changed));
        batch.AddAll(WordCounts.Apply(context, deltas));
        batch.AddAll(NetworkRows.Sync(context, changed));
        await batch.ExecuteNonQueryAsync(ct);
    }

    private static Guid ListingIdOf(object? data) => data switch
    {
        ListingCreated c => c.ListingId,
        ListingRevised r => r.ListingId,
        ListingPriceChanged p => p.ListingId,
        ListingStatusChanged s => s.ListingId,
        _ => Guid.Empty,
    };
}

internal static class BatchExtensions
{
    public static void AddAll(this NpgsqlBatch batch, IEnumerable<NpgsqlBatchCommand> commands)
    {
        foreach (var command in commands) batch.BatchCommands.Add(command);
    }
}

using Npgsql;
using Platform.Projections.Daemon;
using Platform.Read.Analytics;
using Platform.Write.Catalog;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Projections.Analytics;

/// <summary>
/// Per-tenant catalog figures kept incrementally, days in the tenant's time zone: each listing's first
/// publication and status (the stock), each published listing sold or withdrawn with how long it had been
/// published, each price lowered, and quote requests per listing and day.
/// </summary>
public sealed class CatalogAnalyticsProjection : IProjection
{
    public const string ProjectionName = "catalog-analytics";
    private const string SettingsChanged = "tenancy.tenant-settings-changed.v1";
    private readonly TenantZones _zones = new();

    public string Name => ProjectionName;

    public int Version => 1;

    public IReadOnlyCollection<string> EventTypes { get; } =
    [
        CatalogEvents.ListingCreatedName, CatalogEvents.ListingStatusChangedName, CatalogEvents.ListingPriceChangedName,
        CatalogEvents.QuoteRequestedName, SettingsChanged,
    ];

    public IReadOnlyCollection<string> Tables => InsightViews.Catalog;

    public Task InitializeAsync(ProjectionContext context, CancellationToken ct) => CatalogAnalyticsTables.CreateAsync(context, ct);

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(events);
        await using var batch = context.CreateBatch();
        foreach (var e in events)
        {
            if (e.Data is TenantSettingsChanged) _zones.Forget(e.TenantId);
            if (e.Data is not (ListingCreated or ListingStatusChanged or ListingPriceChanged or QuoteRequested)) continue;
            var day = await _zones.DayAsync(context, e.TenantId, e.RecordedAt, ct);
            foreach (var statement in Statements(context, e, day)) batch.BatchCommands.Add(statement);
        }
        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(ct);
    }

    private static IEnumerable<NpgsqlBatchCommand> Statements(ProjectionContext context, RecordedEvent e, DateOnly day)
    {
        var listings = context.Table(InsightViews.CatalogListings);
        switch (e.Data)
        {
            case ListingCreated c:
                yield return BatchStatements.Of($"""
                    insert into {listings} (tenant_id, listing_id, status) values ($1, $2, $3) on conflict (tenant_id, listing_id) do nothing
                    """, e.TenantId, c.ListingId, Status(ListingStatus.Draft));
                break;
            case ListingStatusChanged s:
                if (s.From is ListingStatus.Published or ListingStatus.Reserved && s.To is ListingStatus.Sold or ListingStatus.Withdrawn)
                {
                    var exits = context.Table(InsightViews.CatalogExits);
                    yield return BatchStatements.Of($"""
                        insert into {exits} (tenant_id, listing_id, version, day, status, seconds)
                        select tenant_id, listing_id, $3, $4, $6, extract(epoch from $5::timestamptz - first_published_at)
                          from {listings} where tenant_id = $1 and listing_id = $2 and first_published_at is not null
                        on conflict (tenant_id, listing_id, version) do nothing
                        """, e.TenantId, s.ListingId, e.Version, day, e.RecordedAt, Status(s.To));
                }
                yield return BatchStatements.Of($"""
                    update {listings} set status = $3,
                           first_published_at = coalesce(first_published_at, case when $3 = 'published' then $4::timestamptz end),
                           first_published_day = coalesce(first_published_day, case when $3 = 'published' then $5::date end)
                     where tenant_id = $1 and listing_id = $2
                    """, e.TenantId, s.ListingId, Status(s.To), e.RecordedAt, day);
                break;
            case ListingPriceChanged p when p.From.Currency == p.To.Currency && p.To.Amount < p.From.Amount && p.From.Amount > 0:
                yield return BatchStatements.Of($"""
                    insert into {context.Table(InsightViews.CatalogPriceDrops)} (tenant_id, listing_id, version, day, from_amount, to_amount)
                    values ($1, $2, $3, $4, $5, $6) on conflict (tenant_id, listing_id, version) do nothing
                    """, e.TenantId, p.ListingId, e.Version, day, p.From.Amount, p.To.Amount);
                break;
            case QuoteRequested q:
                var quotes = context.Table(InsightViews.CatalogQuotes);
                yield return BatchStatements.Of($"""
                    insert into {quotes} (tenant_id, day, listing_id, quotes) values ($1, $2, $3, 1)
                    on conflict (tenant_id, day, listing_id) do update set quotes = {quotes}.quotes + 1
                    """, e.TenantId, day, q.ListingId);
                break;
        }
    }

    private static string Status(ListingStatus status) => status.ToString().ToLowerInvariant();
}

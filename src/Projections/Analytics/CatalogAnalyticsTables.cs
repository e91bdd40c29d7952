using Platform.Projections.Daemon;
using Platform.Read.Analytics;

namespace Platform.Projections.Analytics;

/// <summary>The catalog-analytics projection's read tables, in the generation's names; every key starts with tenant_id.</summary>
internal static class CatalogAnalyticsTables
{
    public static async Task CreateAsync(ProjectionContext context, CancellationToken ct)
    {
        var listings = context.Table(InsightViews.CatalogListings);
        var exits = context.Table(InsightViews.CatalogExits);
        var drops = context.Table(InsightViews.CatalogPriceDrops);
        var quotes = context.Table(InsightViews.CatalogQuotes);
        var sql = $"""
            create table if not exists {listings} (
                tenant_id uuid not null, listing_id uuid not null, status text not null,
                first_published_at timestamptz, first_published_day date,
                primary key (tenant_id, listing_id));
            create index if not exists {listings}_stock on {listings} (tenant_id, status, first_published_day);
            create table if not exists {exits} (
                tenant_id uuid not null, listing_id uuid not null, version bigint not null, day date not null, status text not null, seconds numeric not null,
                primary key (tenant_id, listing_id, version));
            create index if not exists {exits}_day on {exits} (tenant_id, day);
            create table if not exists {drops} (
                tenant_id uuid not null, listing_id uuid not null, version bigint not null, day date not null,
                from_amount numeric(20, 2) not null, to_amount numeric(20, 2) not null,
                primary key (tenant_id, listing_id, version));
            create index if not exists {drops}_day on {drops} (tenant_id, day);
            create table if not exists {quotes} (
                tenant_id uuid not null, day date not null, listing_id uuid not null, quotes bigint not null,
                primary key (tenant_id, day, listing_id) include (quotes));
            """;
        await using var command = context.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(ct);
    }
}

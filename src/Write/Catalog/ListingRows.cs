using Platform.Write.Tenancy;

namespace Platform.Write.Catalog;

/// <summary>The listings row of a listing, kept equal to its stream's fold.</summary>
internal static class ListingRows
{
    public static Task<long> HeldAsync(TenantTransaction tx, CancellationToken ct) =>
        tx.ScalarAsync<long>("select count(*) from listings where tenant_id = $1 and status in ('draft', 'published', 'reserved')", ct, tx.TenantId);

    public static async Task<Plan> PlanAsync(TenantTransaction tx, CancellationToken ct) =>
        Plans.Named(await tx.ScalarAsync<string>("select plan from tenants where tenant_id = $1", ct, tx.TenantId));

    /// <summary>Serializes inventory decisions of one tenant, so two creations cannot both take the last place.</summary>
    public static Task LockInventoryAsync(TenantTransaction tx, CancellationToken ct) =>
        tx.ExecuteAsync("select pg_advisory_xact_lock(hashtextextended('catalog-inventory/' || $1::text, 0))", ct, tx.TenantId);

    public static Task UpsertAsync(TenantTransaction tx, ListingState state, long version, DateTimeOffset now, CancellationToken ct) =>
        tx.ExecuteAsync("""
            insert into listings as l (tenant_id, listing_id, kind, status, title, city, price_amount, price_currency, featured, version, created_at, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
            on conflict (tenant_id, listing_id) do update set
                status = excluded.status, title = excluded.title, city = excluded.city, price_amount = excluded.price_amount,
                price_currency = excluded.price_currency, featured = excluded.featured, version = excluded.version, updated_at = excluded.updated_at
            """, ct, tx.TenantId, state.ListingId, Names.Of(state.Kind), Names.Of(state.Status), state.Content.Title, state.Content.City,
            state.Price.Amount, state.Price.Currency, state.Content.Featured, version, now);
}

/// <summary>Enum values as the API and the tables spell them.</summary>
public static class Names
{
    public static string Of<T>(T value) where T : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}

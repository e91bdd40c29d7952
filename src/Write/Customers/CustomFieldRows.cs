using Platform.Write.Tenancy;

namespace Platform.Write.Customers;

/// <summary>The customer_field_definitions row of a custom field, kept equal to its stream's fold.</summary>
internal static class CustomFieldRows
{
    public static Task<long> DefinedAsync(TenantTransaction tx, CancellationToken ct) =>
        tx.ScalarAsync<long>("select count(*) from customer_field_definitions where tenant_id = $1 and not removed", ct, tx.TenantId);

    /// <summary>Serializes definitions of one tenant: the limit and the unique key hold under concurrent requests.</summary>
    public static Task LockAsync(TenantTransaction tx, CancellationToken ct) =>
        tx.ExecuteAsync("select pg_advisory_xact_lock(hashtextextended('customer-fields/' || $1::text, 0))", ct, tx.TenantId);

    public static async Task<bool> KeyTakenAsync(TenantTransaction tx, string key, CancellationToken ct) =>
        await tx.ScalarAsync<bool>("select exists (select from customer_field_definitions where tenant_id = $1 and key = $2 and not removed)", ct, tx.TenantId, key);

    public static Task UpsertAsync(TenantTransaction tx, CustomFieldState state, long version, DateTimeOffset now, CancellationToken ct) =>
        tx.ExecuteAsync("""
            insert into customer_field_definitions (tenant_id, field_id, key, label, type, required, position, options, removed, version, created_at, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
            on conflict (tenant_id, field_id) do update set
                label = excluded.label, required = excluded.required, position = excluded.position, options = excluded.options,
                removed = excluded.removed, version = excluded.version, updated_at = excluded.updated_at
            """, ct, tx.TenantId, state.FieldId, state.Key, state.Settings.Label, state.Type, state.Settings.Required, state.Settings.Position,
            state.Settings.Options.ToArray(), state.Removed, version, now);
}

using Platform.Write.Catalog;
using Platform.Write.Tenancy;

namespace Platform.Write.Analytics;

/// <summary>The sales_targets row of a month, kept equal to the tenant's targets stream.</summary>
internal static class SalesTargetRows
{
    public static Task UpsertAsync(TenantTransaction tx, string month, Money? target, long version, DateTimeOffset now, CancellationToken ct) =>
        tx.ExecuteAsync("""
            insert into sales_targets (tenant_id, month, amount, currency, version, updated_at) values ($1, $2, $3, $4, $5, $6)
            on conflict (tenant_id, month) do update set
                amount = excluded.amount, currency = excluded.currency, version = excluded.version, updated_at = excluded.updated_at
            """, ct, tx.TenantId, month, target?.Amount, target?.Currency, version, now);
}

using System.Text.Json;
using Platform.Write.Tenancy;

namespace Platform.Write.Customers.Import;

/// <summary>The customer_imports row of an import (status, progress, counts) and its per-row results.</summary>
internal static class ImportRows
{
    public static Task InsertAsync(TenantTransaction tx, ImportJob job, string fileName, string fileHash, int total, DateTimeOffset now, CancellationToken ct) =>
        tx.ExecuteAsync("""
            insert into customer_imports (tenant_id, import_id, user_id, file_name, file_hash, dry_run, mapping, status, total_rows, created_at)
            values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10)
            """, ct, tx.TenantId, job.ImportId, job.UserId, fileName, fileHash, job.DryRun, JsonSerializer.Serialize(job.Mapping ?? new Dictionary<string, string>()),
            ImportStatuses.Queued, total, now);

    public static Task StatusAsync(TenantTransaction tx, Guid importId, string status, string? error, DateTimeOffset now, CancellationToken ct) =>
        tx.ExecuteAsync("""
            update customer_imports set status = $3, error = $4,
                   started_at = case when $3 = 'running' then $5 else started_at end,
                   finished_at = case when $3 in ('completed', 'failed') then $5 else finished_at end
             where tenant_id = $1 and import_id = $2
            """, ct, tx.TenantId, importId, status, error, now);

    public static async Task RecordAsync(TenantTransaction tx, Guid importId, IReadOnlyList<ImportRowResult> results, CancellationToken ct)
    {
        if (results.Count == 0) return;
        await tx.ExecuteAsync("""
            insert into customer_import_rows (tenant_id, import_id, row_number, outcome, reason, customer_id)
            select $1, $2, r.row_number, r.outcome, r.reason, r.customer_id
              from unnest($3::int[], $4::text[], $5::text[], $6::uuid[]) as r (row_number, outcome, reason, customer_id)
            on conflict (tenant_id, import_id, row_number) do nothing
            """, ct, tx.TenantId, importId, results.Select(r => r.Row).ToArray(), results.Select(r => r.Outcome).ToArray(),
            results.Select(r => r.Reason).ToArray(), results.Select(r => r.CustomerId).ToArray());
        int Count(string outcome) => results.Count(r => r.Outcome == outcome);
        await tx.ExecuteAsync("""
            update customer_imports set processed_rows = processed_rows + $3, new_rows = new_rows + $4, merged_rows = merged_rows + $5,
                   skipped_rows = skipped_rows + $6, invalid_rows = invalid_rows + $7
             where tenant_id = $1 and import_id = $2
            """, ct, tx.TenantId, importId, results.Count, Count(ImportOutcomes.New), Count(ImportOutcomes.Merged),
            Count(ImportOutcomes.Skipped), Count(ImportOutcomes.Invalid));
    }
}

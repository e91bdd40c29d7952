using Dapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Platform.Read.Customers;

/// <summary>An import's status and progress, or null (missing or another tenant's).</summary>
[Authorize(Roles = "owner,admin")]
public sealed record GetCustomerImport(Guid TenantId, Guid ImportId) : IRequest<CustomerImportStatus?>;

public sealed record ImportCounts(int New, int Merged, int Skipped, int Invalid);

/// <summary><see cref="Percent"/> of <see cref="TotalRows"/> processed; status queued, running, completed or failed.</summary>
public sealed record CustomerImportStatus(
    Guid ImportId, string FileName, bool DryRun, string Status, int TotalRows, int ProcessedRows, int Percent, ImportCounts Counts,
    string? Error, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt);

public sealed class GetCustomerImportHandler(Tenancy.TenantReads reads) : IRequestHandler<GetCustomerImport, CustomerImportStatus?>
{
    public async Task<CustomerImportStatus?> Handle(GetCustomerImport request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var row = await reads.QueryAsync(request.TenantId, (connection, tx) => connection.QuerySingleOrDefaultAsync<ImportRow>(new CommandDefinition("""
            select import_id as ImportId, file_name as FileName, dry_run as DryRun, status as Status, coalesce(total_rows, 0) as TotalRows,
                   processed_rows as ProcessedRows, new_rows as NewRows, merged_rows as MergedRows, skipped_rows as SkippedRows,
                   invalid_rows as InvalidRows, error as Error, created_at as CreatedAt, started_at as StartedAt, finished_at as FinishedAt
              from customer_imports where tenant_id = @tenant and import_id = @import
            """, new { tenant = request.TenantId, import = request.ImportId }, tx, cancellationToken: cancellationToken)), cancellationToken);
        return row is null ? null : new CustomerImportStatus(row.ImportId, row.FileName, row.DryRun, row.Status, row.TotalRows, row.ProcessedRows,
            row.TotalRows == 0 ? 0 : (int)(100L * row.ProcessedRows / row.TotalRows),
            new ImportCounts(row.NewRows, row.MergedRows, row.SkippedRows, row.InvalidRows), row.Error,
            CustomerRow.Utc(row.CreatedAt)!.Value, CustomerRow.Utc(row.StartedAt), CustomerRow.Utc(row.FinishedAt));
    }

    private sealed class ImportRow
    {
        public Guid ImportId { get; set; }
        public string FileName { get; set; } = "";
        public bool DryRun { get; set; }
        public string Status { get; set; } = "";
        public int TotalRows { get; set; }
        public int ProcessedRows { get; set; }
        public int NewRows { get; set; }
        public int MergedRows { get; set; }
        public int SkippedRows { get; set; }
        public int InvalidRows { get; set; }
        public string? Error { get; set; }
        public DateTime CreatedAt { get; set; }
        public DateTime? StartedAt { get; set; }
        public DateTime? FinishedAt { get; set; }
    }
}

using Dapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Read.Paging;

namespace Platform.Read.Customers;

/// <summary>What became of each row of an import, in file order, optionally of one outcome; null when there is no such import.</summary>
[Authorize(Roles = "owner,admin")]
public sealed record ListImportRows(Guid TenantId, Guid ImportId, string? Outcome, PageRequest Page) : IRequest<Page<ImportRowOutcome>?>;

public sealed record ImportRowOutcome(int Row, string Outcome, string? Reason, Guid? CustomerId);

public sealed class ListImportRowsHandler(Tenancy.TenantReads reads) : IRequestHandler<ListImportRows, Page<ImportRowOutcome>?>
{
    public async Task<Page<ImportRowOutcome>?> Handle(ListImportRows request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Page.TryReadCursor<int>(out var after)) throw new ArgumentException("The cursor is not one this list wrote.", nameof(request));
        return await reads.QueryAsync(request.TenantId, async (connection, tx) =>
        {
            var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "select exists (select from customer_imports where tenant_id = @tenant and import_id = @import)",
                new { tenant = request.TenantId, import = request.ImportId }, tx, cancellationToken: cancellationToken));
            if (!exists) return null;
            var rows = (await connection.QueryAsync<ImportRowOutcome>(new CommandDefinition("""
                select row_number as Row, outcome as Outcome, reason as Reason, customer_id as CustomerId
                  from customer_import_rows
                 where tenant_id = @tenant and import_id = @import and row_number > @after and (@outcome::text is null or outcome = @outcome)
                 order by row_number
                 limit @limit
                """, new { tenant = request.TenantId, import = request.ImportId, after, outcome = request.Outcome, limit = request.Page.Limit + 1 },
                tx, cancellationToken: cancellationToken))).ToList();
            return request.Page.ToPage(rows, r => r.Row);
        }, cancellationToken);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Platform.Read.Tenancy;

/// <summary>
/// Runs read-model queries in a transaction with the tenant set, on the application's
/// role: row-level security shows the tenant's rows and nothing else.
/// </summary>
public sealed class TenantReads([FromKeyedServices(TenantReads.ServiceKey)] NpgsqlDataSource dataSource)
{
    /// <summary>The DI key of the application role's data source; the Write side uses the same key.</summary>
    public const string ServiceKey = "tenant";

    public async Task<T> QueryAsync<T>(Guid tenantId, Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (tenantId == Guid.Empty) throw new ArgumentException("A tenant is required.", nameof(tenantId));
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var set = new NpgsqlCommand("select set_config('platform.tenant_id', $1, true)", connection, transaction))
        {
            set.Parameters.Add(new() { Value = tenantId.ToString("D") });
            await set.ExecuteNonQueryAsync(ct);
        }
        var result = await query(connection, transaction);
        await transaction.CommitAsync(ct);
        return result;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Platform.Write.Tenancy;

/// <summary>
/// Opens tenant transactions on the application's database role, which owns no table and cannot
/// bypass row-level security: a query sees the current tenant's rows or none.
/// </summary>
public sealed class TenantDatabase([FromKeyedServices(TenantDatabase.ServiceKey)] NpgsqlDataSource dataSource)
{
    /// <summary>The DI key of the application role's data source (the unkeyed one is the system's).</summary>
    public const string ServiceKey = "tenant";

    public NpgsqlDataSource DataSource => dataSource;

    public Task<TenantTransaction> BeginAsync(Guid tenantId, CancellationToken ct = default)
    {
        if (tenantId == Guid.Empty) throw new ArgumentException("A tenant is required.", nameof(tenantId));
        return TenantTransaction.BeginAsync(dataSource, tenantId, ct);
    }
}

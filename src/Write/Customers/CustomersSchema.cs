using Npgsql;
using Platform.Write.Storage;

namespace Platform.Write.Customers;

/// <summary>The customers' write-side tables; after the tenancy schema, whose tenants table they reference.</summary>
public static class CustomersSchema
{
    public const string Module = "customers";

    public static Task MigrateAsync(NpgsqlDataSource dataSource, CancellationToken ct = default) =>
        SchemaMigrator.MigrateAsync(dataSource, Module, typeof(CustomersSchema).Assembly, "Customers.Migrations", ct);
}

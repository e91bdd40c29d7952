using Npgsql;
using Platform.Write.Storage;

namespace Platform.Write.Leads;

/// <summary>The leads' write-side tables; after the tenancy schema, whose tenants table they reference.</summary>
public static class LeadsSchema
{
    public const string Module = "leads";

    public static Task MigrateAsync(NpgsqlDataSource dataSource, CancellationToken ct = default) =>
        SchemaMigrator.MigrateAsync(dataSource, Module, typeof(LeadsSchema).Assembly, "Leads.Migrations", ct);
}

using Npgsql;
using Platform.Write.Storage;

namespace Platform.Write.Catalog;

/// <summary>The catalog's write-side tables; after the tenancy schema, whose tenants table it references.</summary>
public static class CatalogSchema
{
    public const string Module = "catalog";

    public static Task MigrateAsync(NpgsqlDataSource dataSource, CancellationToken ct = default) =>
        SchemaMigrator.MigrateAsync(dataSource, Module, typeof(CatalogSchema).Assembly, "Catalog.Migrations", ct);
}

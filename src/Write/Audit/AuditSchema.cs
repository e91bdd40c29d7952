using Npgsql;
using Platform.Write.Storage;

namespace Platform.Write.Audit;

/// <summary>The audit module's grants on the chain tables; after the tenancy schema, whose role and tenant function it uses.</summary>
public static class AuditSchema
{
    public const string Module = "audit";

    public static Task MigrateAsync(NpgsqlDataSource dataSource, CancellationToken ct = default) =>
        SchemaMigrator.MigrateAsync(dataSource, Module, typeof(AuditSchema).Assembly, "Audit.Migrations", ct);
}

using Npgsql;
using Platform.Write.Storage;

namespace Platform.Write.Tenancy;

/// <summary>Tenants, users, sessions, the outbox and the application role's grants.</summary>
public static class TenancySchema
{
    public const string Module = "tenancy";

    /// <summary>The group role every application login role is granted; it holds the table grants.</summary>
    public const string AccessRole = "platform_tenant_access";

    public static Task MigrateAsync(NpgsqlDataSource dataSource, CancellationToken ct = default) =>
        SchemaMigrator.MigrateAsync(dataSource, Module, typeof(TenancySchema).Assembly, "Tenancy.Migrations", ct);
}

using Npgsql;
using Platform.Write.Storage;

namespace Platform.Write.Identity;

/// <summary>The Data Protection key ring and the per-account sign-in throttle; runs after the tenancy schema.</summary>
public static class IdentitySchema
{
    public const string Module = "identity";

    public static Task MigrateAsync(NpgsqlDataSource dataSource, CancellationToken ct = default) =>
        SchemaMigrator.MigrateAsync(dataSource, Module, typeof(IdentitySchema).Assembly, "Identity.Migrations", ct);
}

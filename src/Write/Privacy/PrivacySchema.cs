using Npgsql;
using Platform.Write.Storage;

namespace Platform.Write.Privacy;

/// <summary>The subjects' keys and links; after the tenancy schema, whose tenant access role it grants to.</summary>
public static class PrivacySchema
{
    public const string Module = "privacy";

    public static Task MigrateAsync(NpgsqlDataSource dataSource, CancellationToken ct = default) =>
        SchemaMigrator.MigrateAsync(dataSource, Module, typeof(PrivacySchema).Assembly, "Privacy.Migrations", ct);
}

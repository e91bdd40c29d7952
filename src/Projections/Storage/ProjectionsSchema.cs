using Npgsql;
using Platform.Write.Storage;

namespace Platform.Projections.Storage;

/// <summary>The daemon's own tables (checkpoints, faults, generations, switches, rebuilds); read tables belong to each projection.</summary>
public static class ProjectionsSchema
{
    public const string Module = "projections";

    public static Task MigrateAsync(NpgsqlDataSource dataSource, CancellationToken ct = default) =>
        SchemaMigrator.MigrateAsync(dataSource, Module, typeof(ProjectionsSchema).Assembly, "Storage.Migrations", ct);
}

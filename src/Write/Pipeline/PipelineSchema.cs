using Npgsql;
using Platform.Write.Storage;

namespace Platform.Write.Pipeline;

/// <summary>The pipeline feature's write-side table; after the tenancy schema, whose tenants table it references.</summary>
public static class PipelineSchema
{
    public const string Module = "pipeline";

    public static Task MigrateAsync(NpgsqlDataSource dataSource, CancellationToken ct = default) =>
        SchemaMigrator.MigrateAsync(dataSource, Module, typeof(PipelineSchema).Assembly, "Pipeline.Migrations", ct);
}

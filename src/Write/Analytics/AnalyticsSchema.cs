using Npgsql;
using Platform.Write.Storage;

namespace Platform.Write.Analytics;

/// <summary>The analytics feature's write-side table (monthly targets); after the tenancy schema, whose tenants table it references.</summary>
public static class AnalyticsSchema
{
    public const string Module = "analytics";

    public static Task MigrateAsync(NpgsqlDataSource dataSource, CancellationToken ct = default) =>
        SchemaMigrator.MigrateAsync(dataSource, Module, typeof(AnalyticsSchema).Assembly, "Analytics.Migrations", ct);
}

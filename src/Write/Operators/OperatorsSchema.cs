using Npgsql;
using Platform.Write.Storage;

namespace Platform.Write.Operators;

/// <summary>The platform operators' accounts and sessions; runs after the identity schema.</summary>
public static class OperatorsSchema
{
    public const string Module = "operators";

    public static Task MigrateAsync(NpgsqlDataSource dataSource, CancellationToken ct = default) =>
        SchemaMigrator.MigrateAsync(dataSource, Module, typeof(OperatorsSchema).Assembly, "Operators.Migrations", ct);
}

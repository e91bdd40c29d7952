using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Platform.Write.Storage;

/// <summary>
/// Applies a module's embedded SQL migrations (<c>NNNN_name.sql</c>) in order, each in its own
/// transaction, recording them in <c>schema_migrations</c>. Safe to run from several processes at
/// once (advisory lock) and to run again (applied ones are skipped; an edited one is refused).
/// </summary>
public static class SchemaMigrator
{
    private const int LockSpace = 0x504C4154; // "PLAT"
    private const int MigrationLock = 1;

    /// <param name="folder">The folder of the migrations inside the project, dotted: <c>Storage.Migrations</c>.</param>
    public static async Task MigrateAsync(
        NpgsqlDataSource dataSource, string module, Assembly assembly, string folder, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(assembly);
        var migrations = Load(module, assembly, folder);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await Execute(connection, $"select pg_advisory_lock({LockSpace}, {MigrationLock})", ct);
        try
        {
            await Execute(connection, """
                create table if not exists schema_migrations (
                    module text not null, version int not null, name text not null, checksum text not null,
                    applied_at timestamptz not null default now(), primary key (module, version))
                """, ct);
            var applied = await AppliedAsync(connection, module, ct);
            foreach (var migration in migrations)
            {
                if (applied.TryGetValue(migration.Version, out var checksum))
                {
                    if (checksum != migration.Checksum)
                        throw new InvalidOperationException(
                            $"Migration {module}/{migration.Name} was changed after it was applied; add a new migration instead.");
                    continue;
                }
                await using var transaction = await connection.BeginTransactionAsync(ct);
                await Execute(connection, migration.Sql, ct, transaction);
                await using var record = new NpgsqlCommand(
                    "insert into schema_migrations (module, version, name, checksum) values ($1, $2, $3, $4)", connection, transaction);
                record.Parameters.Add(new() { Value = module });
                record.Parameters.Add(new() { Value = migration.Version });
                record.Parameters.Add(new() { Value = migration.Name });
                record.Parameters.Add(new() { Value = migration.Checksum });
                await record.ExecuteNonQueryAsync(ct);
                await transaction.CommitAsync(ct);
            }
        }
        finally
        {
            await Execute(connection, $"select pg_advisory_unlock({LockSpace}, {MigrationLock})", CancellationToken.None);
        }
    }

    private static async Task<Dictionary<int, string>> AppliedAsync(NpgsqlConnection connection, string module, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("select version, checksum from schema_migrations where module = $1", connection);
        command.Parameters.Add(new() { Value = module });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var applied = new Dictionary<int, string>();
        while (await reader.ReadAsync(ct)) applied[reader.GetInt32(0)] = reader.GetString(1);
        return applied;
    }

    private static List<Migration> Load(string module, Assembly assembly, string folder)
    {
        var migrations = new List<Migration>();
        var prefix = $"{assembly.GetName().Name}.{folder}.";
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var file = resource.Split('.')[^2];
            var separator = file.IndexOf('_', StringComparison.Ordinal);
            if (separator <= 0 || !int.TryParse(file[..separator], out var version))
                throw new InvalidOperationException($"Migration resource '{resource}' of {module} is not named NNNN_name.sql.");
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var sql = reader.ReadToEnd().ReplaceLineEndings("\n");
            var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
            migrations.Add(new Migration(version, file, sql, checksum));
        }
        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"Two migrations of {module} have version {duplicate.Key}.");
        return [.. migrations.OrderBy(m => m.Version)];
    }

    private static async Task Execute(
        NpgsqlConnection connection, string sql, CancellationToken ct, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }

    private sealed record Migration(int Version, string Name, string Sql, string Checksum);
}

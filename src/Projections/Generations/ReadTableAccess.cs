using Npgsql;

namespace Platform.Projections.Generations;

/// <summary>
/// Makes a generation's read tables safe for the application's database role to read. A table with
/// a <c>tenant_id</c> gets row-level security, forced, with the same <c>tenant_isolation</c> policy as
/// the tenancy tables; every read table and view is granted for select to the access role. Either
/// step happens only where its piece exists (the tenancy schema's function, the role), so a database
/// without the tenancy schema, such as the daemon's own tests, runs projections all the same.
/// </summary>
internal static class ReadTableAccess
{
    /// <summary>The tenancy schema's group role of application logins (TenancySchema.AccessRole).</summary>
    public const string AccessRole = "platform_tenant_access";

    private const string InspectSql = """
        select c.relname,
               exists (select from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped),
               exists (select from pg_policy p where p.polrelid = c.oid and p.polname = 'tenant_isolation'),
               to_regprocedure('current_tenant_id()') is not null,
               exists (select from pg_roles where rolname = $2),
               c.relrowsecurity and c.relforcerowsecurity,
               exists (select from pg_roles where rolname = $2) and has_table_privilege($2, c.oid, 'select')
          from pg_class c
         where c.relnamespace = current_schema()::regnamespace and c.relname = any($1) and c.relkind in ('r', 'p')
        """;

    /// <summary>Run after the projection created its tables, in the same transaction.</summary>
    public static async Task SecureTablesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<string> physicalTables, CancellationToken ct)
    {
        var statements = new List<string>();
        await using (var inspect = new NpgsqlCommand(InspectSql, connection, transaction))
        {
            inspect.Parameters.Add(new() { Value = physicalTables.ToArray() });
            inspect.Parameters.Add(new() { Value = AccessRole });
            await using var reader = await inspect.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                // Names come from ProjectionIdentity, which lets only [a-z0-9_] through.
                var (table, tenant, policy, function, role) =
                    (reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2), reader.GetBoolean(3), reader.GetBoolean(4));
                var (secured, granted) = (reader.GetBoolean(5), reader.GetBoolean(6));
                // Checked first: every start initializes the serving generation, and altering its
                // table would take a lock that waits for the readers of other processes.
                if (tenant && function && !secured)
                {
                    statements.Add($"alter table {table} enable row level security");
                    statements.Add($"alter table {table} force row level security");
                }
                if (tenant && function && !policy)
                    statements.Add($"create policy tenant_isolation on {table} using (tenant_id = current_tenant_id())");
                if (role && !granted) statements.Add($"grant select on {table} to {AccessRole}");
            }
        }
        await ExecuteAsync(connection, transaction, statements, ct);
    }

    /// <summary>
    /// A view made again (a new shape, or after a drop) loses its grants; the daemon's views are
    /// security_invoker, so the role needs select on the view as well as on the table under it.
    /// </summary>
    public static async Task GrantViewAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string view, CancellationToken ct)
    {
        await using var role = new NpgsqlCommand("select exists (select from pg_roles where rolname = $1)", connection, transaction);
        role.Parameters.Add(new() { Value = AccessRole });
        if (await role.ExecuteScalarAsync(ct) is true)
            await ExecuteAsync(connection, transaction, [$"grant select on {view} to {AccessRole}"], ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<string> statements, CancellationToken ct)
    {
        if (statements.Count == 0) return;
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var sql in statements) batch.BatchCommands.Add(new NpgsqlBatchCommand(sql));
        await batch.ExecuteNonQueryAsync(ct);
    }
}

using Npgsql;

namespace Platform.Api.Tests.Privacy;

/// <summary>Where a string occurs in the database: every table of every schema, each row cast to text (bytea as hex too).</summary>
internal static class DatabaseScan
{
    public static async Task<List<string>> TablesContainingAsync(NpgsqlDataSource system, string needle)
    {
        ArgumentNullException.ThrowIfNull(system);
        var tables = new List<string>();
        await using (var list = system.CreateCommand("""
            select format('%I.%I', n.nspname, c.relname) from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where c.relkind in ('r', 'p', 'm') and n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')
             order by 1
            """))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        tables.Should().Contain(t => t.EndsWith(".events", StringComparison.Ordinal)).And.Contain(t => t.EndsWith(".users", StringComparison.Ordinal));

        var found = new List<string>();
        foreach (var table in tables)
        {
            await using var count = system.CreateCommand(
                $"select count(*) from {table} t where strpos(lower(t::text), lower($1)) > 0 or strpos(t::text, encode(convert_to($1, 'UTF8'), 'hex')) > 0");
            count.Parameters.Add(new() { Value = needle });
            if ((long)(await count.ExecuteScalarAsync())! > 0) found.Add(table);
        }
        return found;
    }
}

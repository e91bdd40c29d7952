using System.Globalization;
using Platform.Projections.Daemon;
using Platform.Read.Catalog.Search;

namespace Platform.Projections.Catalog;

/// <summary>
/// What catalog search needs besides its tables, made (if missing) whenever the projection starts:
/// contrib extensions, RUM when the server has it (so a later install is picked up by the next
/// generation), a Spanish text search configuration that folds accents before stemming, and the
/// slug lookup anonymous buyers go through.
/// </summary>
internal static class CatalogSearchSchema
{
    private static readonly string ExtensionsSql = $$"""
        create extension if not exists unaccent;
        create extension if not exists pg_trgm;
        create extension if not exists btree_gin;
        create extension if not exists fuzzystrmatch;
        do $$
        begin
            if exists (select from pg_available_extensions where name = 'rum') then
                create extension if not exists rum;
            end if;
            if not exists (select from pg_ts_config where cfgname = '{{SearchText.Configuration}}') then
                create text search configuration {{SearchText.Configuration}} (copy = spanish);
                alter text search configuration {{SearchText.Configuration}}
                    alter mapping for hword, hword_part, word with unaccent, spanish_stem;
            end if;
            -- Row-level security evaluates a query's conditions after its policy unless they are
            -- leakproof, so a tenant's text match could not use the index and scanned every row of the
            -- tenant. Matching a document against a query reveals nothing but the match, so these two
            -- are declared so (only a superuser may; without it search stays correct, and slower).
            if (select rolsuper from pg_roles where rolname = current_user) then
                alter function pg_catalog.ts_match_vq(tsvector, tsquery) leakproof;
                alter function similarity_op(text, text) leakproof;
            end if;
        end
        $$;
        """;

    // Reads the view, so it always answers from the serving generation; plpgsql, because the view
    // is made after the projection initializes and a SQL function's body is checked when created.
    private static readonly string FindTenantSql = $$"""
        create or replace function {{CatalogSearchViews.FindTenantFunction}}(p_slug text)
        returns table (tenant_id uuid, slug text, name text)
        language plpgsql stable security definer set search_path = {schema}
        as $$
        begin
            return query select t.tenant_id, t.slug, t.name from {{CatalogSearchViews.Tenants}} t where t.slug = p_slug and t.active;
        end
        $$;
        revoke all on function {{CatalogSearchViews.FindTenantFunction}}(text) from public;
        """;

    public static async Task CreateAsync(ProjectionContext context, CancellationToken ct)
    {
        await using (var extensions = context.CreateCommand(ExtensionsSql))
            await extensions.ExecuteNonQueryAsync(ct);
        await using var schema = context.CreateCommand("select current_schema(), exists (select from pg_roles where rolname = $1)");
        schema.Parameters.Add(new() { Value = Generations.ReadTableAccess.AccessRole });
        string name;
        bool role;
        await using (var reader = await schema.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            (name, role) = (reader.GetString(0), reader.GetBoolean(1));
        }
        var sql = FindTenantSql.Replace("{schema}", QuoteIdentifier(name), StringComparison.Ordinal);
        if (role) sql += $"grant execute on function {CatalogSearchViews.FindTenantFunction}(text) to {Generations.ReadTableAccess.AccessRole};";
        await using var function = context.CreateCommand(sql);
        await function.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Whether the rum extension is installed in this database (it is, wherever the server has it).</summary>
    public static async Task<bool> HasRumAsync(ProjectionContext context, CancellationToken ct)
    {
        await using var command = context.CreateCommand("select exists (select from pg_extension where extname = 'rum')");
        return await command.ExecuteScalarAsync(ct) is true;
    }

    private static string QuoteIdentifier(string name) =>
        string.Create(CultureInfo.InvariantCulture, $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
}

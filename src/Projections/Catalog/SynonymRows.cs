using Npgsql;
using Platform.Projections.Daemon;
using Platform.Read.Catalog.Search;
using Platform.Write.Catalog;

namespace Platform.Projections.Catalog;

/// <summary>
/// Synonym groups as query time uses them: one row per lexeme of a group's word, holding the query
/// that matches any word of the group (carro → 'carr' | 'aut' | 'coch'). Keyed by lexeme, so the
/// plural a buyer types finds the group its singular is in.
/// </summary>
internal static class SynonymRows
{
    private static readonly string RowsSql = $"""
        select l.lexeme, g.substitute
          from unnest($1::text[], $2::int[]) t (term, grp)
          join (select grp, to_tsquery('{SearchText.Configuration}', string_agg(term, ' | ')) as substitute
                  from unnest($1::text[], $2::int[]) u (term, grp) group by grp) g on g.grp = t.grp
          cross join lateral (select (tsvector_to_array(to_tsvector('{SearchText.Configuration}', t.term)))[1] as lexeme) l
         where l.lexeme is not null and numnode(g.substitute) > 0
        """;

    public static NpgsqlBatchCommand[] Replace(ProjectionContext context, Guid tenant, IEnumerable<IReadOnlyList<string>> groups)
    {
        var synonyms = context.Table(CatalogSearchViews.Synonyms);
        var (terms, numbers) = Flatten(groups);
        return
        [
            WordCounts.Command($"delete from {synonyms} where tenant_id = $1", tenant),
            WordCounts.Command($"""
                insert into {synonyms} (tenant_id, lexeme, substitute) select $3, lexeme, substitute from ({RowsSql}) r
                on conflict (tenant_id, lexeme) do nothing
                """, terms, numbers, tenant),
        ];
    }

    /// <summary>The default groups, for network search; rewritten on every start so they follow the code.</summary>
    public static async Task WriteDefaultsAsync(ProjectionContext context, string table, CancellationToken ct)
    {
        var (terms, numbers) = Flatten(CatalogSynonyms.Defaults);
        await using var batch = context.CreateBatch();
        batch.BatchCommands.Add(WordCounts.Command($"delete from {table}"));
        batch.BatchCommands.Add(WordCounts.Command(
            $"insert into {table} (lexeme, substitute) select lexeme, substitute from ({RowsSql}) r on conflict (lexeme) do nothing", terms, numbers));
        await batch.ExecuteNonQueryAsync(ct);
    }

    // Only single tokens reach to_tsquery: a term is a word of letters or digits, already folded.
    private static (string[] Terms, int[] Groups) Flatten(IEnumerable<IReadOnlyList<string>> groups)
    {
        var pairs = groups.SelectMany((g, i) => g.Select(t => SearchText.Tokens(t)).Where(t => t.Count == 1).Select(t => (Term: t[0], Group: i)))
            .ToList();
        return (pairs.Select(p => p.Term).ToArray(), pairs.Select(p => p.Group).ToArray());
    }
}

using Npgsql;

namespace Platform.Read.Catalog.Search;

/// <summary>
/// When a query finds nothing: each word of four letters or more that the vocabulary lacks becomes
/// the closest word it has, at most one edit away (two from eight letters), the commonest on a tie.
/// Trigram similarity narrows the candidates through the index; Levenshtein decides.
/// </summary>
internal static class TypoCorrection
{
    private const string SimilarityThreshold = "0.2";

    public static async Task<QueryTerms?> CorrectAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, SearchScope scope, QueryTerms terms, CancellationToken ct)
    {
        var candidates = terms.Words.Where(w => w.Length >= 4 && w.Any(char.IsLetter)).Distinct(StringComparer.Ordinal).ToList();
        if (candidates.Count == 0) return null;
        var sql = new SqlText();
        var words = sql.Param(candidates.ToArray(), "text[]");
        var distances = sql.Param(candidates.Select(w => w.Length >= 8 ? 2 : 1).ToArray(), "int[]");
        var (near, same) = (scope.TenantCondition(sql, "v"), scope.TenantCondition(sql, "v"));
        sql.Append($"""
            select t.tok, c.word from unnest({words}, {distances}) t (tok, maxd)
             cross join lateral (
                   select v.word from {scope.Vocabulary} v
                    where {near}v.word % t.tok and levenshtein_less_equal(v.word, t.tok, t.maxd) <= t.maxd
                    order by levenshtein_less_equal(v.word, t.tok, t.maxd), v.listings desc, v.word limit 1) c
             where not exists (select from {scope.Vocabulary} v where {same}v.word = t.tok)
            """);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"select set_config('pg_trgm.similarity_threshold', '{SimilarityThreshold}', true)"));
        batch.BatchCommands.Add(sql.ToBatchCommand());
        var corrections = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct)) corrections[reader.GetString(0)] = reader.GetString(1);
        }
        return corrections.Count == 0 ? null : terms.Replace(corrections);
    }
}

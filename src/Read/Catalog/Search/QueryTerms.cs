namespace Platform.Read.Catalog.Search;

/// <summary>
/// The words of a buyer's query, folded, at most <see cref="MaxTerms"/>. The last is also a prefix
/// while the buyer is still typing it (the text does not end in a space), so "toyota hil" finds Hilux.
/// </summary>
internal sealed record QueryTerms(IReadOnlyList<string> Words, bool LastIsPrefix)
{
    public const int MaxTerms = 8;
    private const int MinPrefix = 2;

    public static QueryTerms Parse(string? text)
    {
        var words = SearchText.Tokens(text).Where(t => t.Length <= 40).Take(MaxTerms).ToList();
        var typing = words.Count > 0 && !char.IsWhiteSpace(text![^1]) && words[^1].Length >= MinPrefix;
        return new QueryTerms(words, typing);
    }

    public bool IsEmpty => Words.Count == 0;

    public QueryTerms Replace(IReadOnlyDictionary<string, string> corrections) =>
        new(Words.Select(w => corrections.GetValueOrDefault(w, w)).ToList(), false);

    public override string ToString() => string.Join(' ', Words);

    /// <summary>
    /// The tsquery text of these words, each or-ed with its synonym group's query (looked up by lexeme,
    /// so a plural finds its singular's group), the last with its prefix, all and-ed. Stop words drop out;
    /// null when nothing is left. Words are letters, digits and dots only, so they are safe in to_tsquery.
    /// </summary>
    public SqlText BuildSql(SearchScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var sql = new SqlText();
        var config = $"'{SearchText.Configuration}'";
        var words = sql.Param(Words.ToArray(), "text[]");
        var prefixes = sql.Param(Words.Select((_, i) => LastIsPrefix && i == Words.Count - 1).ToArray(), "boolean[]");
        var tenant = scope.TenantCondition(sql, "y");
        sql.Append($"""
            select string_agg('(' || q::text || ')', ' & ' order by ord) from (
              select u.ord, to_tsquery({config}, u.tok)
                     || coalesce((select y.substitute from {scope.Synonyms} y
                                   where {tenant}y.lexeme = (tsvector_to_array(to_tsvector({config}, u.tok)))[1]), ''::tsquery)
                     || case when u.prefix then to_tsquery({config}, u.tok || ':*') else ''::tsquery end as q
                from unnest({words}, {prefixes}) with ordinality u (tok, prefix, ord)) x
             where numnode(q) > 0
            """);
        return sql;
    }
}

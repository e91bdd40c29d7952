using System.Text;
using Npgsql;

namespace Platform.Read.Catalog.Search;

/// <summary>Reads a page of hits and the cursor after it; snippets become HTML-escaped text with &lt;mark&gt; around matches.</summary>
internal static class SearchHits
{
    public static async Task<(List<SearchHit> Hits, string? Next)> ReadAsync(NpgsqlDataReader reader, SearchQuery query, CancellationToken ct)
    {
        var hits = new List<SearchHit>();
        var keys = new List<object>();
        while (await reader.ReadAsync(ct))
        {
            hits.Add(new SearchHit(
                reader.GetGuid(0), reader.GetGuid(1), reader.IsDBNull(2) ? "" : reader.GetString(2), reader.GetString(3), reader.GetString(4),
                Snippet(reader.IsDBNull(5) ? "" : reader.GetString(5)), reader.GetDecimal(6), reader.GetString(7), reader.GetString(8),
                reader.GetBoolean(9), reader.IsDBNull(10) ? null : reader.GetString(10), Int(reader, 11), Int(reader, 12), Text(reader, 13),
                Text(reader, 14), Text(reader, 15), Text(reader, 16), reader.GetFieldValue<DateTimeOffset>(17)));
            keys.Add(query.Sort switch
            {
                SearchSort.Relevance => reader.GetDouble(18),
                SearchSort.PriceAsc or SearchSort.PriceDesc => reader.GetDecimal(18),
                SearchSort.YearDesc => reader.GetInt32(18),
                _ => reader.GetFieldValue<DateTimeOffset>(18),
            });
        }
        if (hits.Count <= query.Page.Limit) return (hits, null);
        hits.RemoveAt(hits.Count - 1);
        return (hits, SearchCursor.Write(query, keys[hits.Count - 1], hits[^1].ListingId));
    }

    /// <summary>Escapes the text for HTML, then turns ts_headline's markers (chr 2 and 3, which stored text never holds) into marks.</summary>
    public static string Snippet(string headline)
    {
        var html = new StringBuilder(headline.Length + 32);
        foreach (var c in headline)
        {
            html.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\u0002' => "<mark>",
                '\u0003' => "</mark>",
                _ => c.ToString(),
            });
        }
        return html.ToString().Trim();
    }

    private static string? Text(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static int? Int(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetInt32(i);
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Platform.Read.Paging;

namespace Platform.Read.Catalog.Search;

/// <summary>
/// The keyset position after a page: the last hit's sort key (<see cref="Score"/>, <see cref="Price"/>,
/// <see cref="Year"/> or <see cref="At"/>, by sort) and id, with a fingerprint of the query that made it,
/// so a cursor only continues the search it came from. Listings added or changed meanwhile cannot
/// repeat a hit or hide one that did not move.
/// </summary>
public sealed record SearchCursor(string Query, double? Score, decimal? Price, int? Year, DateTimeOffset? At, Guid Id)
{
    /// <summary>Whether the query's cursor, if any, is one a page of this same query wrote.</summary>
    public static bool Fits(SearchQuery query) => TryRead(query, out _);

    internal static bool TryRead(SearchQuery query, out SearchCursor? cursor)
    {
        ArgumentNullException.ThrowIfNull(query);
        cursor = null;
        if (query.Page.Cursor is null) return true;
        if (!query.Page.TryReadCursor(out cursor) || cursor is null || cursor.Query != Fingerprint(query)) return false;
        return query.Sort switch
        {
            SearchSort.Relevance => cursor.Score is not null,
            SearchSort.PriceAsc or SearchSort.PriceDesc => cursor.Price is not null,
            SearchSort.YearDesc => cursor.Year is not null,
            _ => cursor.At is not null,
        };
    }

    internal static string Write(SearchQuery query, object key, Guid id) => PageRequest.WriteCursor(query.Sort switch
    {
        SearchSort.Relevance => new SearchCursor(Fingerprint(query), Convert.ToDouble(key, System.Globalization.CultureInfo.InvariantCulture), null, null, null, id),
        SearchSort.PriceAsc or SearchSort.PriceDesc => new SearchCursor(Fingerprint(query), null, (decimal)key, null, null, id),
        SearchSort.YearDesc => new SearchCursor(Fingerprint(query), null, null, (int)key, null, id),
        _ => new SearchCursor(Fingerprint(query), null, null, null, (DateTimeOffset)key, id),
    });

    /// <summary>The sort key the cursor holds, for the SQL comparison.</summary>
    internal object Key => (object?)Score ?? (object?)Price ?? (object?)Year ?? At!;

    private static string Fingerprint(SearchQuery query)
    {
        var f = query.Filters;
        static string[]? Sorted(IReadOnlyList<string>? values) => values?.Select(SearchText.Fold).Order(StringComparer.Ordinal).ToArray();
        var canonical = JsonSerializer.Serialize(new
        {
            Text = query.Text?.Trim(), query.Sort, f.Kind, f.PriceMin, f.PriceMax, f.YearMin, f.YearMax, f.KmMax,
            Brands = Sorted(f.Brands), Fuels = Sorted(f.Fuels), Transmissions = Sorted(f.Transmissions), Cities = Sorted(f.Cities),
            Attributes = f.Attributes?.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={SearchText.Fold(a.Value)}").ToArray(),
        });
        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)), 0, 12);
    }
}

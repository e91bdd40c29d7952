using System.Buffers.Text;
using System.Text.Json;

namespace Platform.Read.Paging;

/// <summary>
/// A page of a keyset-ordered list: at most <see cref="Limit"/> rows after the row the cursor names.
/// Limits are clamped, never refused; a cursor is opaque to clients (base64url JSON of the last key).
/// </summary>
public sealed record PageRequest(int Limit, string? Cursor)
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;

    public static PageRequest Of(int? limit, string? cursor) =>
        new(Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit), string.IsNullOrWhiteSpace(cursor) ? null : cursor);

    /// <summary>The last key of the previous page, or default for the first page; null when the cursor is not ours.</summary>
    public bool TryReadCursor<TKey>(out TKey? key)
    {
        key = default;
        if (Cursor is null) return true;
        try
        {
            key = JsonSerializer.Deserialize<TKey>(Base64Url.DecodeFromChars(Cursor), JsonSerializerOptions.Web);
            return key is not null;
        }
        catch (Exception error) when (error is FormatException or JsonException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>
    /// The page of <paramref name="rows"/>, read one past the limit: that extra row only says a next page
    /// exists, and the next cursor is the key of the last row kept.
    /// </summary>
    public Page<T> ToPage<T, TKey>(List<T> rows, Func<T, TKey> keyOf)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(keyOf);
        var more = rows.Count > Limit;
        if (more) rows.RemoveAt(rows.Count - 1);
        return new Page<T>(rows, more ? WriteCursor(keyOf(rows[^1])) : null);
    }

    public static string WriteCursor<TKey>(TKey key) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(key, JsonSerializerOptions.Web));
}

/// <summary>One page of rows and the cursor of the next page (null on the last).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

using System.Text;
using System.Text.RegularExpressions;

namespace Platform.Read.Catalog.Search;

/// <summary>
/// Words as search compares them: lower case, accents folded (diésel = diesel, ñ = n), split into
/// letters-and-digits tokens the way PostgreSQL's parser splits them, decimals such as 2.8 kept whole.
/// The projection's vocabulary and the query side share this, so a corrected word is one the
/// vocabulary holds. Globalization is invariant here, so accents are folded by table, not by Unicode
/// normalization.
/// </summary>
public static partial class SearchText
{
    public const string Configuration = "platform_spanish";

    private const string Accented = "áàâäãåéèêëíìîïóòôöõúùûüñçýÿ";
    private const string Plain = "aaaaaaeeeeiiiiooooouuuuncyy";

    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            var i = Accented.IndexOf(c, StringComparison.Ordinal);
            folded.Append(i < 0 ? c : Plain[i]);
        }
        return folded.ToString();
    }

    /// <summary>The folded tokens of <paramref name="text"/>, in order, repeats kept.</summary>
    public static IReadOnlyList<string> Tokens(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : TokenPattern().Matches(Fold(text)).Select(m => m.Value).ToList();

    /// <summary>The words a listing adds to its tenant's vocabulary: distinct tokens that have a letter.</summary>
    public static IEnumerable<string> VocabularyWords(params string?[] texts) =>
        texts.SelectMany(Tokens).Where(t => t.Length is >= 2 and <= 40 && t.Any(char.IsLetter)).Distinct(StringComparer.Ordinal);

    [GeneratedRegex(@"[0-9]+(?:\.[0-9]+)+|[\p{L}\p{N}]+")]
    private static partial Regex TokenPattern();
}

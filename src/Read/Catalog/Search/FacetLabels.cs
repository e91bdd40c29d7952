using System.Globalization;

namespace Platform.Read.Catalog.Search;

/// <summary>
/// Facets as buyers see them: the most common values first, a band as "from-to" with both ends in
/// the filter's terms (yearMin-yearMax, priceMin-priceMax).
/// </summary>
internal static class FacetLabels
{
    public static readonly string[] Order = ["brand", "fuel", "transmission", "city", "year", "price"];

    private const int MaxValues = 20;

    public static IReadOnlyList<Facet> Build(IEnumerable<(string Name, string Value, long Count)> rows)
    {
        var byName = rows.GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return Order.Where(byName.ContainsKey).Select(name => new Facet(name, Values(name, byName[name]))).ToList();
    }

    private static List<FacetValue> Values(string name, List<(string Name, string Value, long Count)> rows) => name switch
    {
        "year" => rows.Select(r => (Low: long.Parse(r.Value, CultureInfo.InvariantCulture), r.Count)).OrderByDescending(r => r.Low)
            .Select(r => new FacetValue(string.Create(CultureInfo.InvariantCulture, $"{r.Low}-{r.Low + 4}"), r.Count)).ToList(),
        "price" => rows.Select(r => (Low: long.Parse(r.Value, CultureInfo.InvariantCulture), r.Count)).OrderBy(r => r.Low)
            .Select(r => new FacetValue(string.Create(CultureInfo.InvariantCulture, $"{r.Low}-{NextBand(r.Low)}"), r.Count)).ToList(),
        _ => rows.OrderByDescending(r => r.Count).ThenBy(r => r.Value, StringComparer.Ordinal).Take(MaxValues)
            .Select(r => new FacetValue(r.Value, r.Count)).ToList(),
    };

    /// <summary>The next band's start: after 1 comes 2, after 2 comes 5, after 5 comes 10, at every power of ten.</summary>
    private static long NextBand(long low)
    {
        if (low <= 0) return 1;
        var unit = (long)Math.Pow(10, Math.Floor(Math.Log10(low)));
        return (low / unit) switch { 1 => 2 * unit, 2 => 5 * unit, _ => 10 * unit };
    }
}

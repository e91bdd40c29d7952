using Platform.Read.Catalog.Search;
using Platform.Read.Paging;

namespace Platform.Benchmarks.Search;

/// <summary>
/// One measured query: the API request and the same search for the SQL side, several variants used
/// in turn (the same turn on both sides). <see cref="Slug"/> is null for the network.
/// </summary>
internal sealed record SearchCase(string Name, double TargetP95Ms, string? Slug, Guid? TenantId, IReadOnlyList<string> Variants)
{
    public const double TargetRatio = 1.3;

    private static readonly string[] TwoWords = ["toyota hilux", "renault duster", "chevrolet tracker", "nissan frontier", "mazda cx-30"];
    private static readonly string[] Typos = ["toyta hilux", "renault dustr", "chevrolet trackr", "nisan frontier", "mazfa cx-30"];
    private static readonly string[] Facets =
        ["brand=Toyota&fuel=diesel", "brand=Mazda&transmission=automatic", "city=Medellín&fuel=gasoline", "brand=Chevrolet&yearMin=2018", "fuel=hybrid"];

    public static IReadOnlyList<SearchCase> For(SeedTenant largest) =>
    [
        new("tenant-2word", 25, largest.Slug, largest.TenantId, [.. TwoWords.Select(q => "q=" + Uri.EscapeDataString(q))]),
        new("tenant-typo", 40, largest.Slug, largest.TenantId, [.. Typos.Select(q => "q=" + Uri.EscapeDataString(q))]),
        new("tenant-facets", 40, largest.Slug, largest.TenantId, [.. Facets.Select(f => string.Join('&', f.Split('&').Select(Escape)))]),
        new("network", 60, null, null, [.. TwoWords.Select(q => "q=" + Uri.EscapeDataString(q))]),
    ];

    public string Path(int turn) =>
        (Slug is null ? "/api/public/network/listings?" : $"/api/public/{Slug}/listings?") + Variants[turn % Variants.Count];

    /// <summary>The search the API makes of the same query string (it parses only what these variants use).</summary>
    public SearchQuery Query(int turn)
    {
        var pairs = Variants[turn % Variants.Count].Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        string[]? List(string name) => pairs.TryGetValue(name, out var value) ? [value] : null;
        var filters = new SearchFilters(
            YearMin: pairs.TryGetValue("yearMin", out var year) ? int.Parse(year, System.Globalization.CultureInfo.InvariantCulture) : null,
            Brands: List("brand"), Fuels: List("fuel"), Transmissions: List("transmission"), Cities: List("city"));
        return new SearchQuery(TenantId, pairs.GetValueOrDefault("q"), filters, SearchSort.Relevance, PageRequest.Of(null, null));
    }

    private static string Escape(string pair) => pair.Split('=') is [var name, var value] ? $"{name}={Uri.EscapeDataString(value)}" : pair;
}

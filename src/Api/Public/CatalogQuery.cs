using System.Globalization;
using Platform.Read.Catalog.Search;
using Platform.Read.Paging;

namespace Platform.Api.Public;

/// <summary>
/// A catalog page's search as its address spells it, in the buyer's words:
/// <c>/catalogo/demo?q=hilux&amp;combustible=diesel&amp;anio-min=2018&amp;orden=precio-asc</c>.
/// A value that does not read (a price of "abc") is left out instead of failing the page.
/// </summary>
internal sealed record CatalogQuery(
    string? Text, IReadOnlyDictionary<string, IReadOnlyList<string>> Lists, IReadOnlyDictionary<string, decimal> Ranges, SearchSort Sort, string? Cursor)
{
    public const int PageSize = 24;
    public const int MaxText = 200;
    private const int MaxValues = 20;
    private const int MaxValueLength = 80;

    /// <summary>List filters: parameter and the facet that offers its values.</summary>
    public static readonly (string Parameter, string Facet)[] ListParameters =
        [("marca", "brand"), ("combustible", "fuel"), ("transmision", "transmission"), ("ciudad", "city"), ("tipo", "kind")];

    public static readonly string[] RangeParameters = ["precio-min", "precio-max", "anio-min", "anio-max", "km-max"];

    public static readonly (SearchSort Sort, string Parameter, string Label)[] Sorts =
    [
        (SearchSort.Relevance, "relevancia", "Más relevantes"), (SearchSort.Newest, "recientes", "Más recientes"),
        (SearchSort.PriceAsc, "precio-asc", "Menor precio"), (SearchSort.PriceDesc, "precio-desc", "Mayor precio"),
        (SearchSort.YearDesc, "anio", "Más nuevos (año)"),
    ];

    public static CatalogQuery Empty { get; } = new(null, new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, decimal>(), SearchSort.Relevance, null);

    public static CatalogQuery From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var text = query["q"].ToString().Trim();
        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (parameter, _) in ListParameters)
        {
            var values = query[parameter].Where(v => !string.IsNullOrWhiteSpace(v) && v.Length <= MaxValueLength)
                .Select(v => v!.Trim()).Distinct(StringComparer.Ordinal).Take(MaxValues).ToList();
            if (values.Count > 0) lists[parameter] = values;
        }
        var ranges = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var parameter in RangeParameters)
        {
            if (decimal.TryParse(query[parameter].ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= 0 && value < 1_000_000_000_000m)
                ranges[parameter] = value;
        }
        var sort = Sorts.FirstOrDefault(s => s.Parameter == query["orden"].ToString()).Sort;
        var cursor = query["cursor"].ToString();
        return new CatalogQuery(text.Length == 0 ? null : text[..Math.Min(text.Length, MaxText)], lists, ranges, sort,
            cursor.Length is 0 or > 1000 ? null : cursor);
    }

    public SearchQuery ToSearch(Guid tenantId) => new(tenantId, Text, new SearchFilters(
        Kind: List("tipo") is { Count: > 0 } kinds ? kinds[0] : null,
        PriceMin: Range("precio-min"), PriceMax: Range("precio-max"),
        YearMin: Whole(Range("anio-min")), YearMax: Whole(Range("anio-max")), KmMax: Whole(Range("km-max")),
        Brands: List("marca"), Fuels: List("combustible"), Transmissions: List("transmision"), Cities: List("ciudad")),
        Sort, PageRequest.Of(PageSize, Cursor));

    public IReadOnlyList<string>? List(string parameter) => Lists.TryGetValue(parameter, out var values) ? values : null;

    public decimal? Range(string parameter) => Ranges.TryGetValue(parameter, out var value) ? value : null;

    public bool IsFiltered => Lists.Count > 0 || Ranges.Count > 0;

    public bool Has(string parameter, string value) => List(parameter)?.Contains(value, StringComparer.Ordinal) == true;

    /// <summary>The same search with <paramref name="value"/> added to or removed from a list filter, from its first page.</summary>
    public CatalogQuery Toggle(string parameter, string value)
    {
        var lists = new Dictionary<string, IReadOnlyList<string>>(Lists, StringComparer.Ordinal);
        var current = List(parameter) ?? [];
        var next = current.Contains(value, StringComparer.Ordinal) ? current.Where(v => v != value).ToList() : [.. current, value];
        if (next.Count == 0) lists.Remove(parameter);
        else lists[parameter] = next;
        return this with { Lists = lists, Cursor = null };
    }

    /// <summary>The same search with both ends of a range set (null removes an end), from its first page.</summary>
    public CatalogQuery WithRange(string minParameter, decimal? min, string maxParameter, decimal? max)
    {
        var ranges = new Dictionary<string, decimal>(Ranges, StringComparer.Ordinal);
        foreach (var (parameter, value) in new[] { (minParameter, min), (maxParameter, max) })
        {
            if (value is { } set) ranges[parameter] = set;
            else ranges.Remove(parameter);
        }
        return this with { Ranges = ranges, Cursor = null };
    }

    public CatalogQuery WithCursor(string? cursor) => this with { Cursor = cursor };

    /// <summary>The address of this search under <paramref name="path"/>, parameters in a fixed order so equal searches share one URL.</summary>
    public string Url(string path)
    {
        var parts = new List<string>();
        if (Text is not null) parts.Add("q=" + Uri.EscapeDataString(Text));
        foreach (var (parameter, _) in ListParameters)
            parts.AddRange((List(parameter) ?? []).Select(v => parameter + "=" + Uri.EscapeDataString(v)));
        foreach (var parameter in RangeParameters)
            if (Range(parameter) is { } value) parts.Add(parameter + "=" + value.ToString(CultureInfo.InvariantCulture));
        if (Sort != SearchSort.Relevance) parts.Add("orden=" + Sorts.First(s => s.Sort == Sort).Parameter);
        if (Cursor is not null) parts.Add("cursor=" + Uri.EscapeDataString(Cursor));
        return parts.Count == 0 ? path : path + "?" + string.Join('&', parts);
    }

    private static int? Whole(decimal? value) => value is { } v && v <= int.MaxValue ? (int)decimal.Truncate(v) : null;
}

using System.Globalization;
using Platform.Read.Catalog.Search;

namespace Platform.Api.Public;

/// <summary>
/// The facets beside the results, each value a link with its count that adds (or, when chosen,
/// removes) the filter: plain links, so filtering works without a script and search engines can follow.
/// </summary>
internal static class FacetPanel
{
    private static readonly (string Facet, string Min, string Max)[] Bands = [("year", "anio-min", "anio-max"), ("price", "precio-min", "precio-max")];

    public static Markup Render(IReadOnlyList<Facet> facets, CatalogQuery query, string path, string currency)
    {
        ArgumentNullException.ThrowIfNull(facets);
        ArgumentNullException.ThrowIfNull(query);
        var panels = facets.Where(f => f.Values.Count > 0).Select(f => Panel(f, query, path, currency)).Where(p => p.Value.Length > 0).ToList();
        if (panels.Count == 0) return Markup.Empty;
        return Html.Of($"<aside class=\"facets\" aria-label=\"Filtros\">{panels}</aside>");
    }

    private static Markup Panel(Facet facet, CatalogQuery query, string path, string currency)
    {
        var links = facet.Values.Select(v => Link(facet.Name, v, query, path, currency)).Where(l => l is not null).Select(l => l!.Value).ToList();
        if (links.Count == 0) return Markup.Empty;
        return Html.Of($"<details open><summary>{Labels.Name(facet.Name)}</summary><ul>{links}</ul></details>");
    }

    private static Markup? Link(string facet, FacetValue value, CatalogQuery query, string path, string currency)
    {
        var list = CatalogQuery.ListParameters.FirstOrDefault(p => p.Facet == facet).Parameter;
        if (list is not null)
        {
            var on = query.Has(list, value.Value);
            return Item(query.Toggle(list, value.Value).Url(path), Labels.Value(value.Value), value.Count, on);
        }
        var band = Bands.FirstOrDefault(b => facet.StartsWith(b.Facet, StringComparison.Ordinal));
        if (band.Facet is null || !TryReadBand(value.Value, out var min, out var max)) return null;
        var chosen = query.Range(band.Min) == min && query.Range(band.Max) == max;
        var target = chosen ? query.WithRange(band.Min, null, band.Max, null) : query.WithRange(band.Min, min, band.Max, max);
        return Item(target.Url(path), BandLabel(band.Facet, min, max, currency), value.Count, chosen);
    }

    private static Markup Item(string href, string label, long count, bool on) =>
        Html.Of($"<li><a href=\"{href}\"{new Markup(on ? " class=\"on\" aria-current=\"true\"" : "")} rel=\"nofollow\"><span>{label}</span> <span class=\"count\">{count}</span></a></li>");

    /// <summary>Bands are written "2015-2019", "2020+" or "-2004" (either end open); anything else is not offered as a link.</summary>
    public static bool TryReadBand(string value, out decimal? min, out decimal? max)
    {
        min = max = null;
        var text = value.Trim();
        if (text.EndsWith('+')) return TryNumber(text[..^1], out min);
        if (text.StartsWith('-') || text.StartsWith('<')) return TryNumber(text[1..], out max);
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && TryNumber(text[..dash], out min) && TryNumber(text[(dash + 1)..], out max);
    }

    private static bool TryNumber(string text, out decimal? value)
    {
        value = decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number : null;
        return value is not null;
    }

    private static string BandLabel(string facet, decimal? min, decimal? max, string currency)
    {
        string Show(decimal v) => facet == "price" ? PriceFormat.Format(v, currency) : v.ToString(CultureInfo.InvariantCulture);
        return (min, max) switch
        {
            ({ } a, { } b) => $"{Show(a)} – {Show(b)}",
            ({ } a, null) => $"Desde {Show(a)}",
            (null, { } b) => $"Hasta {Show(b)}",
            _ => "",
        };
    }
}

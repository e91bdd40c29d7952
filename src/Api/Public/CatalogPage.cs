using System.Globalization;
using Platform.Read.Catalog.Search;

namespace Platform.Api.Public;

/// <param name="Origin">Scheme and host of the public site, for the canonical address and structured data.</param>
internal sealed record CatalogView(PublicTenant Tenant, CatalogQuery Query, SearchResult Result, string Origin);

/// <summary>A business's catalog: search box, facets with counts, result cards, cursor pagination.</summary>
internal static class CatalogPage
{
    public static Markup Render(CatalogView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var (tenant, query) = (view.Tenant, view.Query);
        var home = CatalogAddresses.Home(tenant.Slug);
        var heading = query.Text is null ? $"Catálogo de {tenant.Name}" : $"Resultados para «{query.Text}»";
        var total = PriceFormat.Total(view.Result.TotalCount, view.Result.TotalCapped);
        var head = new PageHead(
            query.Text is null ? $"{tenant.Name} | Catálogo de {tenant.Offering}" : $"{query.Text} | {tenant.Name}",
            $"{total} publicaciones en el catálogo de {tenant.Name}. Busca por marca, modelo, precio, año y ciudad, y pide una cotización sin compromiso.",
            view.Origin + query.WithCursor(null).Url(home),
            ListingJsonLd.ForResults(view.Result.Hits, view.Origin, tenant.Slug),
            Index: query.Text is null && !query.IsFiltered && query.Cursor is null,
            ImageUrl: view.Result.Hits.Select(h => h.ImageUrl).FirstOrDefault(Html.IsWebAddress));
        var body = Html.Of($"""
            <h1>{heading}</h1>
            <form class="search" action="{home}" method="get" role="search">
            <input type="search" name="q" value="{query.Text}" maxlength="{CatalogQuery.MaxText}" placeholder="Marca, modelo o palabra clave" aria-label="Buscar en el catálogo" autocomplete="off">
            {HiddenFilters(query)}
            <button type="submit">Buscar</button>
            </form>
            <div id="resultados">{Results(view)}</div>
            """);
        return PageLayout.Render(head, tenant.Name, home, body, withScript: true);
    }

    /// <summary>The part of the page that changes with the search; search as you type asks for it alone.</summary>
    public static Markup Results(CatalogView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var (tenant, query, result) = (view.Tenant, view.Query, view.Result);
        var home = CatalogAddresses.Home(tenant.Slug);
        var total = PriceFormat.Total(result.TotalCount, result.TotalCapped);
        var cards = result.Hits.Select(h => ResultCard.Render(h, tenant.Slug)).ToList();
        return Html.Of($"""
            <div class="layout">
            {FacetPanel.Render(result.Facets, query, home, tenant.Currency)}
            <section aria-label="Resultados">
            {Suggestion(result.CorrectedText, query, home)}
            <div class="summary"><p><strong>{total}</strong> {(result.TotalCount == 1 && !result.TotalCapped ? "publicación" : "publicaciones")}</p>{Sorting(query, home)}</div>
            {Chips(query, home)}
            {(cards.Count > 0
                ? Html.Of($"<ul class=\"cards\">{cards}</ul>")
                : Html.Of($"<p>No encontramos publicaciones con esa búsqueda. Prueba con menos palabras o <a href=\"{home}\">mira todo el catálogo</a>.</p>"))}
            {Pages(result.NextCursor, query, home)}
            </section>
            </div>
            """);
    }

    private static Markup HiddenFilters(CatalogQuery query) => Html.Join(
        query.Lists.SelectMany(l => l.Value.Select(v => Html.Of($"<input type=\"hidden\" name=\"{l.Key}\" value=\"{v}\">")))
            .Concat(query.Ranges.Select(r => Html.Of($"<input type=\"hidden\" name=\"{r.Key}\" value=\"{r.Value.ToString(CultureInfo.InvariantCulture)}\">")))
            .Concat(query.Sort == SearchSort.Relevance ? [] :
                [Html.Of($"<input type=\"hidden\" name=\"orden\" value=\"{CatalogQuery.Sorts.First(s => s.Sort == query.Sort).Parameter}\">")]));

    private static Markup Suggestion(string? corrected, CatalogQuery query, string home) =>
        Html.When(!string.IsNullOrWhiteSpace(corrected) && corrected != query.Text, () => Html.Of(
            $"<p class=\"suggest\">¿Quisiste decir <a href=\"{(query with { Text = corrected, Cursor = null }).Url(home)}\"><strong>{corrected}</strong></a>? Te mostramos los resultados de esa búsqueda.</p>"));

    private static Markup Sorting(CatalogQuery query, string home)
    {
        var options = CatalogQuery.Sorts.Select(s => s.Sort == query.Sort
            ? Html.Of($"<strong>{s.Label}</strong>")
            : Html.Of($"<a href=\"{(query with { Sort = s.Sort, Cursor = null }).Url(home)}\" rel=\"nofollow\">{s.Label}</a>"));
        return Html.Of($"<p class=\"meta\">Ordenar: {new Markup(string.Join(" · ", options.Select(o => o.Value)))}</p>");
    }

    private static Markup Chips(CatalogQuery query, string home)
    {
        if (!query.IsFiltered) return Markup.Empty;
        var lists = query.Lists.SelectMany(l => l.Value.Select(v => Html.Of(
            $"<a href=\"{query.Toggle(l.Key, v).Url(home)}\" rel=\"nofollow\" aria-label=\"Quitar filtro {Labels.Value(v)}\">{Labels.Value(v)} ✕</a>")));
        var ranges = query.Ranges.Select(r => Html.Of(
            $"<a href=\"{(query with { Ranges = query.Ranges.Where(x => x.Key != r.Key).ToDictionary(), Cursor = null }).Url(home)}\" rel=\"nofollow\">{RangeLabel(r.Key, r.Value)} ✕</a>"));
        var clear = (CatalogQuery.Empty with { Text = query.Text, Sort = query.Sort }).Url(home);
        return Html.Of($"<p class=\"chips\">{lists}{ranges} <a href=\"{clear}\" rel=\"nofollow\">Quitar filtros</a></p>");
    }

    private static string RangeLabel(string parameter, decimal value)
    {
        var number = value.ToString(CultureInfo.InvariantCulture);
        return parameter switch
        {
            "precio-min" => $"Precio desde {number}",
            "precio-max" => $"Precio hasta {number}",
            "anio-min" => $"Año desde {number}",
            "anio-max" => $"Año hasta {number}",
            "km-max" => $"Hasta {number} km",
            _ => number,
        };
    }

    private static Markup Pages(string? next, CatalogQuery query, string home)
    {
        if (next is null && query.Cursor is null) return Markup.Empty;
        var first = Html.When(query.Cursor is not null, () => Html.Of($"<a href=\"{query.WithCursor(null).Url(home)}\">« Primera página</a>"));
        var following = Html.When(next is not null, () => Html.Of($"<a class=\"button\" href=\"{query.WithCursor(next).Url(home)}\" rel=\"next\">Siguiente página »</a>"));
        return Html.Of($"<nav class=\"pages\" aria-label=\"Páginas\">{first}{following}</nav>");
    }
}

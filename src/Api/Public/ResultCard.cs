using System.Globalization;
using Platform.Read.Catalog.Search;

namespace Platform.Api.Public;

/// <summary>One search hit as a card: photo, title, price in its currency, city, year and kilometres.</summary>
internal static class ResultCard
{
    public static Markup Render(SearchHit hit, string slug)
    {
        ArgumentNullException.ThrowIfNull(hit);
        var facts = new List<string> { hit.City };
        if (hit.Year is { } year) facts.Add(year.ToString(CultureInfo.InvariantCulture));
        if (hit.Km is { } km) facts.Add(PriceFormat.Kilometres(km, hit.Currency));
        if (hit.Fuel is { } fuel) facts.Add(Labels.Value(fuel));
        if (hit.Transmission is { } transmission) facts.Add(Labels.Value(transmission));
        return Html.Of($"""
            <li class="card"><a href="{CatalogAddresses.Listing(slug, hit.ListingId)}">
            {Photo(hit.ImageUrl, hit.Title, hit.Brand)}
            <div class="body">
            <h2>{hit.Title}</h2>
            <div class="price">{PriceFormat.Format(hit.Price, hit.Currency)}</div>
            <div class="meta">{string.Join(" · ", facts)}</div>
            {Html.When(hit.Featured, () => new Markup("<span class=\"badge\">Destacado</span>"))}
            {Html.When(!string.IsNullOrEmpty(hit.Snippet), () => Html.Of($"<p class=\"meta\">{SnippetMarkup(hit.Snippet)}</p>"))}
            </div>
            </a></li>
            """);
    }

    public static Markup Photo(string? url, string title, string? brand) => Html.IsWebAddress(url)
        ? Html.Of($"<img class=\"photo\" src=\"{url}\" alt=\"{title}\" loading=\"lazy\">")
        : Html.Of($"<div class=\"photo placeholder\" role=\"img\" aria-label=\"Sin foto\">{Initials(brand ?? title)}</div>");

    /// <summary>
    /// The search promises snippets escaped with only &lt;mark&gt; added; the page does not take that
    /// on trust: it escapes the text again, then restores exactly the two mark tags.
    /// </summary>
    public static Markup SnippetMarkup(string snippet)
    {
        var plain = System.Net.WebUtility.HtmlDecode(snippet.Replace("<mark>", "\u0001", StringComparison.Ordinal).Replace("</mark>", "\u0002", StringComparison.Ordinal));
        return new Markup(Html.Encode(plain).Replace("\u0001", "<mark>", StringComparison.Ordinal).Replace("\u0002", "</mark>", StringComparison.Ordinal));
    }

    private static string Initials(string text) =>
        string.Concat(text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).Select(w => char.ToUpperInvariant(w[0])));
}

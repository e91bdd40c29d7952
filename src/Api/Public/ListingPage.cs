using System.Globalization;
using Platform.Read.Catalog.Search;

namespace Platform.Api.Public;

internal sealed record ListingView(PublicTenant Tenant, PublicListing Listing, string Origin, QuoteFormState Form);

/// <summary>One published listing: photos, attributes, price with its previous one, description and the quote form.</summary>
internal static class ListingPage
{
    private static readonly string[] AttributeOrder =
        ["brand", "model", "version", "year", "km", "fuel", "transmission", "color", "condition",
         "operation", "type", "rooms", "bathrooms", "area", "zone", "category", "sku", "stock"];

    public static Markup Render(ListingView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var (tenant, listing) = (view.Tenant, view.Listing);
        var home = CatalogAddresses.Home(tenant.Slug);
        var url = view.Origin + CatalogAddresses.Listing(tenant.Slug, listing.ListingId);
        var price = PriceFormat.Format(listing.Price, listing.Currency);
        var summary = string.IsNullOrWhiteSpace(listing.Description) ? $"{listing.Title} en {listing.City}." : listing.Description;
        var head = new PageHead(
            $"{listing.Title} – {price} | {tenant.Name}", $"{price} · {listing.City}. {summary}", url,
            ListingJsonLd.ForListing(listing, url), ImageUrl: listing.Images.FirstOrDefault(Html.IsWebAddress));
        var body = Html.Of($"""
            <p><a href="{home}">« Volver al catálogo</a></p>
            <article class="detail">
            <div>
            <h1>{listing.Title}</h1>
            <p><span class="price">{price}</span>{PreviousPrice(listing)}</p>
            <p class="meta">{listing.City} · Publicado el {listing.PublishedAt.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}{Html.When(listing.Featured, () => new Markup(" · <span class=\"badge\">Destacado</span>"))}</p>
            {Gallery(listing)}
            {Attributes(listing)}
            {Html.When(!string.IsNullOrWhiteSpace(listing.Description), () => Html.Of($"<h2>Descripción</h2><div class=\"description\">{listing.Description}</div>"))}
            </div>
            <div>{QuoteForm.Render(CatalogAddresses.QuoteForm(tenant.Slug, listing.ListingId), view.Form)}</div>
            </article>
            """);
        return PageLayout.Render(head, tenant.Name, home, body);
    }

    /// <summary>The price history's note: what the listing cost before its last price change.</summary>
    private static Markup PreviousPrice(PublicListing listing) =>
        Html.When(listing.PreviousPrice is { } before && before != listing.Price, () =>
            Html.Of($" <span class=\"before\">Antes <s>{PriceFormat.Format(listing.PreviousPrice!.Value, listing.Currency)}</s></span>"));

    private static Markup Gallery(PublicListing listing)
    {
        var images = listing.Images.Where(Html.IsWebAddress).ToList();
        if (images.Count == 0) return Html.Of($"<div class=\"gallery\">{ResultCard.Photo(null, listing.Title, listing.Attributes.GetValueOrDefault("brand"))}</div>");
        return Html.Of($"<div class=\"gallery\">{images.Select((src, i) => Html.Of($"<img class=\"photo\" src=\"{src}\" alt=\"{listing.Title} – foto {i + 1}\"{new Markup(i == 0 ? "" : " loading=\"lazy\"")}>"))}</div>");
    }

    private static Markup Attributes(PublicListing listing)
    {
        var ordered = listing.Attributes.Where(a => !string.IsNullOrWhiteSpace(a.Value))
            .OrderBy(a => Array.IndexOf(AttributeOrder, a.Key) is var i && i < 0 ? int.MaxValue : i).ThenBy(a => a.Key, StringComparer.Ordinal).ToList();
        if (ordered.Count == 0) return Markup.Empty;
        var rows = ordered.Select(a => Html.Of($"<dt>{Labels.Name(a.Key)}</dt><dd>{Show(a.Key, a.Value, listing.Currency)}</dd>"));
        return Html.Of($"<h2>Características</h2><dl class=\"attributes\">{rows}</dl>");
    }

    private static string Show(string key, string value, string currency) =>
        key == "km" && int.TryParse(value, CultureInfo.InvariantCulture, out var km) ? PriceFormat.Kilometres(km, currency) : Labels.Value(value);
}

using System.Globalization;
using Platform.Write.Catalog;

namespace Platform.Projections.Catalog;

/// <summary>
/// A listing as search holds it: the fold of its events onto the last row. <see cref="Attributes"/>
/// holds every attribute of its kind as text (brand, year, rooms, sku...), which buyers can filter on.
/// </summary>
internal sealed record ListingDocument(
    Guid TenantId, Guid ListingId, string Status, string Kind, string Title, string Description,
    string? Brand, string? Model, int? Year, int? Km, string? Fuel, string? Transmission, string City,
    decimal Price, string Currency, decimal? PreviousPrice, bool Featured, IReadOnlyList<string> Images,
    IReadOnlyDictionary<string, string> Attributes, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt)
{
    public bool IsPublished => Status == Names.Of(ListingStatus.Published);

    /// <summary>The document after <paramref name="data"/>; null stays null until a listing is created.</summary>
    public static ListingDocument? Apply(ListingDocument? document, Guid tenantId, object? data, DateTimeOffset at) => (document, data) switch
    {
        (null, ListingCreated c) => FromContent(tenantId, c.ListingId, Names.Of(c.Kind), c.Content, at) with
        {
            Price = c.Price.Amount, Currency = c.Price.Currency,
        },
        ({ } d, ListingRevised r) => FromContent(tenantId, d.ListingId, d.Kind, r.Content, at) with
        {
            Status = d.Status, Price = d.Price, Currency = d.Currency, PreviousPrice = d.PreviousPrice, PublishedAt = d.PublishedAt,
        },
        ({ } d, ListingPriceChanged p) => d with { PreviousPrice = p.From.Amount, Price = p.To.Amount, Currency = p.To.Currency, UpdatedAt = at },
        // Freshness counts from the first publication: taking a listing off and back does not make it new.
        ({ } d, ListingStatusChanged s) => d with
        {
            Status = Names.Of(s.To), UpdatedAt = at,
            PublishedAt = d.PublishedAt ?? (s.To == ListingStatus.Published ? at : null),
        },
        _ => document,
    };

    private static ListingDocument FromContent(Guid tenantId, Guid listingId, string kind, ListingContent content, DateTimeOffset at)
    {
        var vehicle = content.Vehicle;
        return new ListingDocument(
            tenantId, listingId, Names.Of(ListingStatus.Draft), kind, Clean(content.Title), Clean(content.Description), vehicle?.Brand.Trim(),
            vehicle?.Model.Trim(), vehicle?.Year, vehicle?.Km, vehicle?.Fuel, vehicle?.Transmission, Clean(content.City), 0m, "", null,
            content.Featured, content.Images, AttributesOf(content), null, at);
    }

    private static Dictionary<string, string> AttributesOf(ListingContent content)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string name, object? value)
        {
            var text = Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim();
            if (!string.IsNullOrEmpty(text)) attributes[name] = text;
        }
        if (content.Vehicle is { } v)
        {
            (string, object?)[] all = [("brand", v.Brand), ("model", v.Model), ("version", v.Version), ("year", v.Year), ("km", v.Km),
                ("fuel", v.Fuel), ("transmission", v.Transmission), ("color", v.Color), ("condition", v.Condition)];
            foreach (var (name, value) in all) Add(name, value);
        }
        if (content.Property is { } p)
        {
            (string, object?)[] all = [("operation", p.Operation), ("type", p.Type), ("rooms", p.Rooms), ("bathrooms", p.Bathrooms),
                ("area", p.Area), ("zone", p.Zone)];
            foreach (var (name, value) in all) Add(name, value);
        }
        if (content.Product is { } product)
        {
            (string, object?)[] all = [("sku", product.Sku), ("category", product.Category), ("stock", product.Stock)];
            foreach (var (name, value) in all) Add(name, value);
        }
        return attributes;
    }

    // Snippets mark matches with control characters; text keeps none of its own but line breaks and tabs.
    private static string Clean(string? text) =>
        string.Concat((text ?? "").Where(c => !char.IsControl(c) || c is '\n' or '\t')).Trim();
}

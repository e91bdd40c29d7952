using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Read.Catalog.Search;

namespace Platform.Api.Public;

/// <summary>
/// schema.org data for search engines: a Vehicle (or Product) with its Offer, and the list of
/// results. The serializer's default encoder writes &lt;, &gt; and &amp; as \u escapes, so a title
/// like "&lt;/script&gt;" cannot end the script element it sits in.
/// </summary>
internal static class ListingJsonLd
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static string ForListing(PublicListing listing, string url)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var attributes = listing.Attributes;
        var vehicle = listing.Kind == "vehicle";
        var data = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = vehicle ? "Vehicle" : "Product",
            ["name"] = listing.Title,
            ["description"] = listing.Description,
            ["url"] = url,
            ["image"] = new JsonArray([.. listing.Images.Where(Html.IsWebAddress).Select(i => (JsonNode)JsonValue.Create(i))]),
            ["offers"] = new JsonObject
            {
                ["@type"] = "Offer",
                ["price"] = listing.Price.ToString("0.##", CultureInfo.InvariantCulture),
                ["priceCurrency"] = listing.Currency,
                ["availability"] = "https://schema.org/InStock",
                ["url"] = url,
                ["seller"] = new JsonObject { ["@type"] = "Organization", ["name"] = listing.TenantName },
                ["availableAtOrFrom"] = new JsonObject { ["@type"] = "Place", ["name"] = listing.City },
            },
        };
        if (attributes.TryGetValue("brand", out var brand)) data["brand"] = new JsonObject { ["@type"] = "Brand", ["name"] = brand };
        if (attributes.TryGetValue("model", out var model)) data["model"] = model;
        if (attributes.TryGetValue("sku", out var sku)) data["sku"] = sku;
        if (attributes.TryGetValue("category", out var category)) data["category"] = category;
        if (attributes.TryGetValue("condition", out var condition))
            data["itemCondition"] = condition == "new" ? "https://schema.org/NewCondition" : "https://schema.org/UsedCondition";
        if (vehicle)
        {
            if (attributes.TryGetValue("year", out var year)) data["vehicleModelDate"] = year;
            if (attributes.TryGetValue("km", out var km) && int.TryParse(km, CultureInfo.InvariantCulture, out var kilometres))
                data["mileageFromOdometer"] = new JsonObject { ["@type"] = "QuantitativeValue", ["value"] = kilometres, ["unitCode"] = "KMT" };
            if (attributes.TryGetValue("fuel", out var fuel)) data["fuelType"] = Labels.Value(fuel);
            if (attributes.TryGetValue("transmission", out var transmission)) data["vehicleTransmission"] = Labels.Value(transmission);
            if (attributes.TryGetValue("color", out var color)) data["color"] = color;
            if (attributes.TryGetValue("version", out var version)) data["vehicleConfiguration"] = version;
        }
        return data.ToJsonString(Options);
    }

    public static string ForResults(IReadOnlyList<SearchHit> hits, string origin, string slug)
    {
        ArgumentNullException.ThrowIfNull(hits);
        var items = hits.Select((hit, i) => (JsonNode)new JsonObject
        {
            ["@type"] = "ListItem",
            ["position"] = i + 1,
            ["url"] = origin + CatalogAddresses.Listing(slug, hit.ListingId),
            ["name"] = hit.Title,
        });
        return new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ItemList",
            ["itemListElement"] = new JsonArray([.. items]),
        }.ToJsonString(Options);
    }
}

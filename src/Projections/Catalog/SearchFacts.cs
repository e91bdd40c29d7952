using System.Text.Json;
using Platform.Read.Catalog.Search;

namespace Platform.Projections.Catalog;

/// <summary>
/// The lesser words of a listing (version, color, fuel and transmission in Spanish, city, property
/// type, zone, category), weighted lowest, so "diésel" or "automática" finds a vehicle whose title
/// does not say it; and the folded keys filters compare.
/// </summary>
internal static class SearchFacts
{
    private static readonly Dictionary<string, string> Spanish = new(StringComparer.Ordinal)
    {
        ["gasoline"] = "gasolina", ["diesel"] = "diésel", ["hybrid"] = "híbrido", ["electric"] = "eléctrico", ["gas"] = "gas",
        ["manual"] = "manual mecánica", ["automatic"] = "automática", ["new"] = "nuevo", ["used"] = "usado",
        ["sale"] = "venta", ["rent"] = "arriendo", ["house"] = "casa", ["apartment"] = "apartamento", ["land"] = "lote terreno",
        ["office"] = "oficina", ["commercial"] = "local comercial", ["warehouse"] = "bodega",
    };

    private static readonly string[] Described = ["version", "color", "fuel", "transmission", "condition", "operation", "type", "zone", "category", "sku"];

    public static string Of(ListingDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var words = Described
            .Select(name => document.Attributes.TryGetValue(name, out var value) ? Spanish.GetValueOrDefault(value, value) : null)
            .Where(w => w is not null)
            .Prepend(document.City);
        return string.Join(' ', words);
    }

    /// <summary>Attribute values folded (lower case, no accents), as filters compare them.</summary>
    public static string AttributeKeys(ListingDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return JsonSerializer.Serialize(document.Attributes.ToDictionary(a => a.Key, a => SearchText.Fold(a.Value), StringComparer.Ordinal));
    }

    public static string? Key(string? value) => value is null ? null : SearchText.Fold(value.Trim());

    /// <summary>The words a published listing adds to its tenant's vocabulary.</summary>
    public static IEnumerable<string> Words(ListingDocument? document) =>
        document is { IsPublished: true } ? SearchText.VocabularyWords(document.Title, document.Brand, document.Model) : [];
}

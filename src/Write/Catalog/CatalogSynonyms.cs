using Platform.Write.EventStore;

namespace Platform.Write.Catalog;

/// <summary>
/// The tenant's synonyms for buyers' search, as groups of words that mean the same (auto = carro = coche).
/// Each replacement states the whole list; search applies it when a query runs.
/// </summary>
public sealed record CatalogSynonymsReplaced(IReadOnlyList<IReadOnlyList<string>> Groups);

public static class CatalogSynonyms
{
    /// <summary>One stream per tenant, since streams are keyed by tenant already.</summary>
    public const string Stream = "catalog-synonyms";

    public const string ReplacedName = "catalog.synonyms-replaced.v1";

    public const int MaxGroups = 100;
    public const int MaxTermsPerGroup = 10;
    public const int MaxTermLength = 40;

    /// <summary>What a tenant starts with, and what network search uses.</summary>
    public static readonly IReadOnlyList<IReadOnlyList<string>> Defaults =
    [
        ["auto", "carro", "coche", "automóvil", "vehículo"],
        ["camioneta", "pickup", "picop"],
        ["4x4", "todoterreno"],
        ["moto", "motocicleta"],
        ["apartamento", "departamento", "apto"],
        ["arriendo", "alquiler"],
    ];

    public static EventTypeRegistry RegisterCatalogSynonyms(this EventTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.Register<CatalogSynonymsReplaced>(ReplacedName);
    }

    /// <summary>The groups in force after <paramref name="events"/>: the last replacement, or the defaults.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Fold(IEnumerable<object> events) =>
        events.OfType<CatalogSynonymsReplaced>().LastOrDefault()?.Groups ?? Defaults;

    /// <summary>Terms trimmed and lower-cased, empty groups dropped: what is stored and compared.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Normalize(IEnumerable<IEnumerable<string>> groups) =>
        groups.Select(g => (IReadOnlyList<string>)g.Select(t => t.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList())
            .Where(g => g.Count > 0).ToList();
}

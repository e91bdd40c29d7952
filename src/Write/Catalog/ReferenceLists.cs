using Platform.Write.EventStore;

namespace Platform.Write.Catalog;

/// <summary>One entry of a tenant's reference list; a model names its brand as <see cref="Parent"/>.</summary>
public sealed record ReferenceItem(string Value, string Label, string? Parent = null);

/// <summary>The whole list as the tenant keeps it now.</summary>
public sealed record ReferenceListChanged(string List, IReadOnlyList<ReferenceItem> Items);

/// <summary>
/// Lists each tenant manages for its catalog: the brands and models it sells (a vehicle listing must
/// name one when the tenant keeps the list) and its own labels for listing states.
/// </summary>
public static class ReferenceLists
{
    public const string EventName = "catalog.reference-list-changed.v1";
    public const string Brands = "brands";
    public const string Models = "models";
    public const string ListingStates = "listing-states";

    public static IReadOnlyList<string> All { get; } = [Brands, Models, ListingStates];

    public static string Stream(string list) => $"catalog-reference-{list}";

    public static IReadOnlyList<ReferenceItem> Fold(IEnumerable<object> events) =>
        events.OfType<ReferenceListChanged>().LastOrDefault()?.Items ?? [];

    public static IReadOnlyList<ReferenceItem> DefaultStateLabels { get; } =
    [
        new("draft", "Borrador"), new("published", "Publicado"), new("reserved", "Reservado"),
        new("sold", "Vendido"), new("withdrawn", "Retirado"),
    ];

    private static readonly (string Brand, string[] Models)[] DealershipSeed =
    [
        ("Toyota", ["Hilux", "Corolla", "Yaris", "RAV4", "Fortuner", "Land Cruiser Prado"]),
        ("Chevrolet", ["Onix", "Tracker", "Spark", "Captiva", "Colorado"]),
        ("Renault", ["Logan", "Sandero", "Duster", "Kwid", "Koleos"]),
        ("Mazda", ["2", "3", "CX-3", "CX-30", "CX-5", "BT-50"]),
        ("Kia", ["Picanto", "Rio", "Sportage", "Sorento", "Seltos"]),
        ("Hyundai", ["Accent", "Tucson", "Creta", "Santa Fe", "Grand i10"]),
        ("Nissan", ["Versa", "Sentra", "Kicks", "Frontier", "X-Trail", "March"]),
        ("Volkswagen", ["Gol", "Polo", "Virtus", "T-Cross", "Amarok", "Jetta"]),
        ("Ford", ["Ranger", "Escape", "Explorer", "Territory", "EcoSport"]),
        ("Suzuki", ["Swift", "Vitara", "Jimny", "S-Presso"]),
    ];

    /// <summary>What a new tenant starts with: state labels for all, brands and models for a dealership.</summary>
    public static IEnumerable<(string List, IReadOnlyList<ReferenceItem> Items)> SeedFor(string industry)
    {
        yield return (ListingStates, DefaultStateLabels);
        if (industry != "dealership") yield break;
        yield return (Brands, [.. DealershipSeed.Select(b => new ReferenceItem(b.Brand, b.Brand))]);
        yield return (Models, [.. DealershipSeed.SelectMany(b => b.Models.Select(m => new ReferenceItem(m, m, b.Brand)))]);
    }

    public static IEnumerable<StreamAppend> SeedAppends(Guid tenantId, string industry, Func<object, NewEvent> toEvent)
    {
        ArgumentNullException.ThrowIfNull(toEvent);
        return SeedFor(industry).Select(s => new StreamAppend(tenantId, Stream(s.List), ExpectedVersion.NoStream, [toEvent(new ReferenceListChanged(s.List, s.Items))]));
    }
}

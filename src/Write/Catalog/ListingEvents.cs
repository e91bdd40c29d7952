using Platform.Write.EventStore;
using Platform.Write.Privacy;

namespace Platform.Write.Catalog;

public enum ListingKind { Vehicle, Property, Product }

public enum ListingStatus { Draft, Published, Reserved, Sold, Withdrawn }

public sealed record Money(decimal Amount, string Currency);

public sealed record VehicleSpec(
    string Brand, string Model, string? Version, int Year, int Km, string Fuel, string Transmission, string? Color, string Condition);

/// <summary><paramref name="Operation"/>: sale or rent. <paramref name="Area"/> in m².</summary>
public sealed record PropertySpec(string Operation, string Type, int? Rooms, int? Bathrooms, decimal? Area, string? Zone);

public sealed record ProductSpec(string Sku, string Category, int Stock);

/// <summary>What a listing says about itself; exactly one of the specs, the one of its kind, is set.</summary>
public sealed record ListingContent(
    string Title, string Description, string City, IReadOnlyList<string> Images, bool Featured,
    VehicleSpec? Vehicle, PropertySpec? Property, ProductSpec? Product);

public sealed record ListingCreated(Guid ListingId, ListingKind Kind, ListingContent Content, Money Price);

public sealed record ListingRevised(Guid ListingId, ListingContent Content);

/// <summary>Every price a listing had is one of these: the price history is the stream.</summary>
public sealed record ListingPriceChanged(Guid ListingId, Money From, Money To);

public sealed record ListingStatusChanged(Guid ListingId, ListingStatus From, ListingStatus To);

/// <summary>
/// A buyer asked about a published listing; the Leads feature turns it into a lead (and links the
/// lead's subject to this quote's, so forgetting the person forgets the quote too).
/// </summary>
public sealed record QuoteRequested(
    [DataSubject] Guid QuoteId, Guid ListingId, string ListingTitle, [PersonalData] string Name, [PersonalData] string Phone,
    [PersonalData] string Email, [PersonalData] string Message, bool Consent, string Source);

public static class CatalogEvents
{
    public const string ListingCreatedName = "catalog.listing-created.v1";
    public const string ListingRevisedName = "catalog.listing-revised.v1";
    public const string ListingPriceChangedName = "catalog.listing-price-changed.v1";
    public const string ListingStatusChangedName = "catalog.listing-status-changed.v1";
    public const string QuoteRequestedName = "catalog.quote-requested.v1";

    public static string ListingStream(Guid listingId) => $"listing-{listingId:D}";

    public static string QuoteStream(Guid quoteId) => $"quote-{quoteId:D}";

    public static EventTypeRegistry RegisterCatalog(this EventTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .Register<ListingCreated>(ListingCreatedName)
            .Register<ListingRevised>(ListingRevisedName)
            .Register<ListingPriceChanged>(ListingPriceChangedName)
            .Register<ListingStatusChanged>(ListingStatusChangedName)
            .Register<QuoteRequested>(QuoteRequestedName)
            .Register<ReferenceListChanged>(ReferenceLists.EventName);
    }
}

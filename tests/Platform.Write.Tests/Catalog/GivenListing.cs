using Platform.Write.Catalog;

namespace Platform.Write.Tests.Catalog;

internal static class GivenListing
{
    public static readonly Guid Id = Guid.CreateVersion7();

    public static ListingContent Content(string title = "Toyota Hilux 2.8 diésel", IReadOnlyList<string>? images = null) => new(
        title, "Única dueña", "Medellín", images ?? ["https://fotos.example.com/1.jpg"], false,
        new VehicleSpec("Toyota", "Hilux", "SRV", 2021, 48_000, "diesel", "automatic", "Blanco", "used"), null, null);

    public static Money Price(decimal amount = 182_000_000m) => new(amount, "COP");

    public static ListingCreated Created() => new(Id, ListingKind.Vehicle, Content(), Price());

    public static ListingState? State(params object[] events) => Listing.Fold(events);

    public static ListingStatusChanged Moved(ListingStatus from, ListingStatus to) => new(Id, from, to);
}

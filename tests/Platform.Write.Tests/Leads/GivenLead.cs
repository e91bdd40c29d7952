using Platform.Write.Leads;

namespace Platform.Write.Tests.Leads;

internal static class GivenLead
{
    public static readonly Guid Id = Guid.CreateVersion7();
    public static readonly Guid Customer = Guid.CreateVersion7();
    public static readonly Guid Seller = Guid.CreateVersion7();
    public static readonly DateTimeOffset Received = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    public static LeadCreated Created(string source = LeadSources.Quote, Guid? referralId = null) =>
        new(Id, Customer, source, "catalog-page", Guid.CreateVersion7(), "Laura Ríos", "+573005551234", "laura@example.test", "¿Sigue disponible?",
            null, null, Received, referralId);

    public static LeadState? State(params object[] events) => Lead.Fold(events);

    public static LeadState New() => State(Created())!;

    public static LeadContacted Contacted(int minutes) =>
        new(Id, Seller, "call", Received.AddMinutes(minutes), true, minutes * 60);
}

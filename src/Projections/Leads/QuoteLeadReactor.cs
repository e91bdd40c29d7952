using Microsoft.Extensions.DependencyInjection;
using Platform.Projections.Daemon;
using Platform.Write.Catalog;
using Platform.Write.Customers;
using Platform.Write.EventStore;
using Platform.Write.Leads;
using Platform.Write.Tenancy;

namespace Platform.Projections.Leads;

/// <summary>
/// Turns every buyer's quote request into a lead of the tenant, attached to the customer with the same
/// phone or e-mail. The lead takes the quote's id, and the lead is written in the tenant's own transaction:
/// when the daemon replays a quote (a crash before its checkpoint moved), the lead is already there and
/// nothing happens, so each quote makes exactly one lead. Its services are resolved when events come: the
/// daemon builds projections before the database (and the application's role) is ready.
/// </summary>
public sealed class QuoteLeadReactor(IServiceProvider services) : IProjection
{
    public const string ProjectionName = "quote-leads";

    public string Name => ProjectionName;

    public int Version => 1;

    public IReadOnlyCollection<string> EventTypes { get; } = [CatalogEvents.QuoteRequestedName];

    public Task InitializeAsync(ProjectionContext context, CancellationToken ct) => Task.CompletedTask;

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            if (e.Data is QuoteRequested quote) await RecordAsync(e, quote, ct);
        }
    }

    private async Task RecordAsync(RecordedEvent e, QuoteRequested quote, CancellationToken ct)
    {
        var intake = services.GetRequiredService<LeadIntake>();
        await using var tx = await services.GetRequiredService<TenantDatabase>().BeginAsync(e.TenantId, ct);
        var contact = LeadInputRules.Contact(quote.Name, quote.Phone, quote.Email, await CustomerContacts.CountryAsync(tx, ct), strict: false);
        var metadata = new EventMetadata(null, e.Metadata.CorrelationId, e.EventId, LeadSources.Quote);
        var message = string.IsNullOrWhiteSpace(quote.Message) ? null : quote.Message;
        await intake.RecordAsync(tx, data => new NewEvent(Guid.CreateVersion7(), data, metadata),
            new LeadRequest(quote.QuoteId, LeadSources.Quote, quote.Source, quote.ListingId, contact, message, null, null), ct);
        await tx.CommitAsync(ct);
    }
}

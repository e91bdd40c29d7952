using Platform.Write.Customers;
using Platform.Write.Leads;
using Platform.Write.Pipeline;
using Platform.Write.Privacy;
using Platform.Write.Tenancy;

namespace Platform.Api.Demo.History;

/// <summary>
/// The write side's rows of a history's leads, customers and opportunities (what the leads and customers
/// lists and the pipeline's checks read), written by the command handlers' own row writers from each
/// stream's events, in one transaction: all of them or none. Streams the history started, so each
/// stream's version is its event count.
/// </summary>
public static class HistoryRows
{
    public static async Task WriteAsync(TenantTransaction tx, IReadOnlyList<HistoryEvent> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var stream in events.GroupBy(e => e.StreamId))
        {
            var data = stream.Select(e => e.Data).ToList();
            var (version, first, last) = (data.Count, stream.First().At, stream.Last().At);
            switch (data[0])
            {
                case LeadCreated created:
                    await LeadRows.ApplyAsync(tx, data, version, last, ct);
                    await tx.LinkAsync(created.CustomerId, created.LeadId, ct);
                    break;
                case CustomerCreated:
                    await CustomerRowWrites.UpsertAsync(tx, Customer.Fold(data)!, version, CustomerSources.Lead, first, ct);
                    foreach (var logged in data.OfType<InteractionLogged>()) await CustomerRows.InsertInteractionAsync(tx, logged, ct);
                    break;
                case OpportunityOpened:
                    await OpportunityRows.UpsertAsync(tx, Opportunity.Fold(data)!, version, ct);
                    break;
            }
        }
    }
}

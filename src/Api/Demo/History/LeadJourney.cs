using Platform.Write.Customers;
using Platform.Write.Leads;

namespace Platform.Api.Demo.History;

/// <summary>
/// One lead's story, decided by the real deciders: it arrives (with its customer, new or returning),
/// is scored and assigned, is contacted by a salesperson after a delay that depends on the hour and on
/// who answers, and is then qualified, converted into an opportunity or discarded, days later.
/// </summary>
internal sealed class LeadJourney(HistoryScript script, HistoryCustomers customers)
{
    private readonly Random random = script.Random;

    private static readonly string[] Channels = ["call", "whatsapp", "whatsapp", "email", "call"];
    private static readonly string[] Discards = ["Sin presupuesto", "Datos falsos", "Ya compró en otro lugar", "No responde"];

    public void Run(LeadArrival arrival)
    {
        var tenant = script.Tenant;
        var (customerId, returning) = customers.For(arrival.At);
        var leadId = Ids.Next();
        var budget = random.NextDouble() < 0.6 ? HistoryMoney.Value(tenant.Currency, random) : (decimal?)null;
        var timeline = random.NextDouble() < 0.7 ? LeadTimelines.All[random.Next(LeadTimelines.All.Count)] : null;
        var contact = customers.Contact(customerId);
        var created = new LeadCreated(leadId, customerId, arrival.Source, arrival.Campaign, null, contact.Name, contact.Phones.Count > 0 ? contact.Phones[0] : null,
            contact.Emails.Count > 0 ? contact.Emails[0] : null, customers.Message(), budget, timeline, arrival.At);
        var lead = new Stream<LeadState>(script, LeadStreams.Lead(leadId), Lead.Evolve);
        var assignee = tenant.Salespeople[random.Next(tenant.Salespeople.Count)];
        lead.Decide(Lead.Decide(null, new Lead.Create(created)), arrival.At, null);
        lead.Decide(Lead.Decide(lead.State, Score(created, returning, 0)), arrival.At, null);
        lead.Decide(Lead.Decide(lead.State, new Lead.Assign(assignee, AssignmentKinds.RoundRobin)), arrival.At, null);

        if (random.NextDouble() > 0.88) return; // never answered
        var contacter = random.NextDouble() < 0.85 ? assignee : tenant.Salespeople[random.Next(tenant.Salespeople.Count)];
        var at = HistoryClock.Response(tenant.Zone, arrival.At, Speed(contacter), random);
        if (!Contact(lead, customerId, contacter, at, created, returning)) return;
        if (random.NextDouble() < 0.3)
        {
            at = at.AddHours(random.Next(20, 120));
            if (!Contact(lead, customerId, contacter, at, created, returning)) return;
        }

        // After the last contact: a converted or discarded lead takes no more contacts.
        var outcome = random.NextDouble();
        var decidedAt = at.AddHours(random.Next(2, 24 * 10));
        if (decidedAt > script.End) return;
        if (outcome < 0.4)
        {
            if (random.NextDouble() < 0.5) lead.Decide(Lead.Decide(lead.State, new Lead.Qualify(contacter)), decidedAt, contacter);
            var opportunityId = Ids.Next();
            var converted = decidedAt.AddMinutes(random.Next(5, 600));
            if (converted > script.End) return;
            lead.Decide(Lead.Decide(lead.State, new Lead.Convert(opportunityId)), converted, contacter);
            new OpportunityJourney(script, customers).Run(opportunityId, lead.State!, contacter, converted);
        }
        else if (outcome < 0.6)
        {
            lead.Decide(Lead.Decide(lead.State, new Lead.Disqualify(Discards[random.Next(Discards.Length)], contacter)), decidedAt, contacter);
        }
        else if (outcome < 0.75)
        {
            lead.Decide(Lead.Decide(lead.State, new Lead.Qualify(contacter)), decidedAt, contacter);
        }
    }

    private HistoryIds Ids => script.Ids;

    private bool Contact(Stream<LeadState> lead, Guid customerId, Guid user, DateTimeOffset at, LeadCreated created, bool returning)
    {
        if (at > script.End) return false;
        var channel = Channels[random.Next(Channels.Length)];
        lead.Decide(Lead.Decide(lead.State, new Lead.Contact(user, channel, at)), at, user);
        lead.Decide(Lead.Decide(lead.State, Score(created, returning, lead.State!.Contacts)), at, user);
        customers.Decide(customerId, c => Customer.Decide(c, new Customer.LogInteraction(
            Ids.Next(), channel, "successful", null, at, null, user)), at, user);
        return true;
    }

    private static Lead.Score Score(LeadCreated c, bool returning, int contacts) => LeadScoring.Score(
        new ScoreInputs(c.Source, c.Budget, null, c.Timeline, c.Name.Length > 0, c.Phone is not null, c.Email is not null, returning ? 1 : 0, contacts),
        ScoringWeights.Default);

    // Some salespeople answer in minutes, others in hours: the response-time figures differ per person.
    private double Speed(Guid user) => 0.4 + (script.Tenant.Salespeople.ToList().IndexOf(user) % 4) * 0.6;
}

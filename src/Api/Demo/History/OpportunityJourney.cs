using Platform.Write.Catalog;
using Platform.Write.Customers;
using Platform.Write.Leads;
using Platform.Write.Pipeline;

namespace Platform.Api.Demo.History;

/// <summary>
/// One opportunity's story through the tenant's pipeline, decided by the real decider: it waits in each
/// open stage for days (about the stage's expected days), meanwhile its value, expected close date or
/// owner may change, and it moves on, is lost (one of the tenant's reasons; a few come back) or, from
/// the last open stage, is won and recorded as the customer's purchase.
/// </summary>
internal sealed class OpportunityJourney(HistoryScript script, HistoryCustomers customers)
{
    private readonly Random random = script.Random;

    public void Run(Guid opportunityId, LeadState lead, Guid owner, DateTimeOffset at)
    {
        var tenant = script.Tenant;
        var pipeline = tenant.Pipeline;
        var open = pipeline.Stages.Where(s => s.Kind == StageKind.Open).ToList();
        var model = DemoVehicles.Models[random.Next(DemoVehicles.Models.Count)];
        var opportunity = new Stream<OpportunityState>(script, OpportunityEvents.Stream(opportunityId), Opportunity.Evolve);
        opportunity.Decide(Opportunity.Decide(null, new Opportunity.Open(
            opportunityId, pipeline, null, lead.CustomerId, lead.LeadId, $"{model.Brand} {model.Model}",
            new Money(HistoryMoney.Value(tenant.Currency, random), tenant.Currency), CloseDate(at), owner)), at, owner);
        script.Opportunities++;

        var stage = 0;
        var t = at;
        while (true)
        {
            t = t.AddHours(2 + random.NextDouble() * 48 * (open[stage].ExpectedDays ?? 5));
            if (t > script.End) return;
            var state = opportunity.State!;
            Change(opportunity, state, t);
            var user = opportunity.State!.OwnerId;
            var last = stage == open.Count - 1;
            if (random.NextDouble() < (last ? 0.6 : 0.85 - 0.04 * stage))
            {
                if (!last)
                {
                    opportunity.Decide(Opportunity.Decide(opportunity.State, new Opportunity.Move(pipeline, open[++stage].StageId)), t, user);
                    continue;
                }
                var amount = HistoryMoney.Closed(opportunity.State!.Value.Amount, random);
                opportunity.Decide(Opportunity.Decide(opportunity.State, new Opportunity.Win(pipeline, new Money(amount, tenant.Currency))), t, user);
                customers.Decide(lead.CustomerId, c => Customer.Decide(c, new Customer.RecordPurchase(opportunityId, amount, tenant.Currency, t)), t, user);
                return;
            }
            var reason = tenant.LostReasons[random.Next(tenant.LostReasons.Count)];
            opportunity.Decide(Opportunity.Decide(opportunity.State, new Opportunity.Lose(pipeline, reason, tenant.LostReasons)), t, user);
            if (random.NextDouble() > 0.05) return;
            t = t.AddDays(random.Next(3, 30));
            if (t > script.End) return;
            stage = random.Next(stage + 1);
            opportunity.Decide(Opportunity.Decide(opportunity.State, new Opportunity.Reopen(pipeline, open[stage].StageId)), t, user);
        }
    }

    /// <summary>Now and then the value is renegotiated, the close date slips, or another salesperson takes over.</summary>
    private void Change(Stream<OpportunityState> opportunity, OpportunityState state, DateTimeOffset at)
    {
        var salespeople = script.Tenant.Salespeople;
        Money? value = random.NextDouble() < 0.15 ? state.Value with { Amount = HistoryMoney.Closed(state.Value.Amount, random) } : null;
        DateOnly? close = random.NextDouble() < 0.2 || state.ExpectedCloseDate < HistoryClock.Day(script.Tenant.Zone, at) ? CloseDate(at) : null;
        Guid? owner = random.NextDouble() < 0.05 ? salespeople[random.Next(salespeople.Count)] : null;
        if (value is null && close is null && owner is null) return;
        opportunity.Decide(Opportunity.Decide(state, new Opportunity.Change(null, value, owner, close)), at, state.OwnerId);
    }

    private DateOnly CloseDate(DateTimeOffset at) => HistoryClock.Day(script.Tenant.Zone, at).AddDays(random.Next(10, 60));
}

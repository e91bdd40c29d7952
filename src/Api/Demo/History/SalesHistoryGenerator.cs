using Platform.Write.Leads;

namespace Platform.Api.Demo.History;

/// <summary>
/// How much history: <paramref name="Days"/> days ending at <paramref name="End"/> (nothing happens after it),
/// about <paramref name="LeadsPerDay"/> leads on an average weekday, growing a little over the period.
/// <paramref name="MaxEvents"/>: cut the history after that many events (a prefix in time, so still causal).
/// </summary>
public sealed record SalesHistoryOptions(DateTimeOffset End, int Days, double LeadsPerDay, int Seed = 7, int? MaxEvents = null);

/// <summary>
/// A deterministic sales history for a tenant: the same tenant, options and seed give the same events
/// with the same ids. Leads arrive from several sources with weekday seasonality and go through
/// <see cref="LeadJourney"/> and <see cref="OpportunityJourney"/>; every event is a real event record on its real stream.
/// </summary>
public static class SalesHistoryGenerator
{
    private static readonly (string Source, string? Campaign, double Weight)[] Sources =
    [
        (LeadSources.Quote, null, 0.4), (LeadSources.Webhook, "facebook", 0.2), (LeadSources.Webhook, "google", 0.15),
        (LeadSources.Webhook, "instagram", 0.05), (LeadSources.Manual, null, 0.2),
    ];

    public static SalesHistory Generate(HistoryTenant tenant, SalesHistoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(options);
        var random = new Random(options.Seed);
        var script = new HistoryScript(tenant, options.End, random);
        var customers = new HistoryCustomers(script, new HistoryPeople(options.Seed, tenant.Country));
        var journey = new LeadJourney(script, customers);
        var last = HistoryClock.Day(tenant.Zone, options.End);
        var leads = 0;
        for (var i = options.Days - 1; i >= 0; i--)
        {
            var day = last.AddDays(-i);
            var growth = 0.8 + 0.4 * (options.Days - i) / options.Days;
            var expected = options.LeadsPerDay * HistoryClock.DayWeight(day) * growth;
            var count = (int)Math.Floor(expected * (0.75 + random.NextDouble() * 0.5) + random.NextDouble());
            foreach (var at in Enumerable.Range(0, count).Select(_ => HistoryClock.Arrival(tenant.Zone, day, random)).Order())
            {
                if (at > options.End) continue;
                var (source, campaign) = Source(random);
                journey.Run(new LeadArrival(at, source, campaign));
                leads++;
            }
        }
        return new SalesHistory(script.Ordered(options.MaxEvents), leads, script.Opportunities, customers.Count);
    }

    private static (string Source, string? Campaign) Source(Random random)
    {
        var pick = random.NextDouble();
        foreach (var (source, campaign, weight) in Sources)
        {
            if ((pick -= weight) < 0) return (source, campaign);
        }
        return (LeadSources.Manual, null);
    }
}

/// <summary>A lead arriving at <paramref name="At"/> from <paramref name="Source"/> (and a campaign for webhooks).</summary>
internal sealed record LeadArrival(DateTimeOffset At, string Source, string? Campaign);

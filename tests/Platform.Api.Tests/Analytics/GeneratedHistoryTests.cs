using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Demo.History;
using Platform.Api.Tests.Auth;
using Platform.Api.Tests.Leads;
using Platform.Write.Customers;
using Platform.Write.EventStore;
using Platform.Write.Leads;
using Platform.Write.Pipeline;
using Platform.Write.Tenancy;
using Xunit.Abstractions;

namespace Platform.Api.Tests.Analytics;

/// <summary>
/// Issue 7's correctness test: a generated history of 100,000 events (and a small second tenant beside it),
/// appended backdated through the bulk path; once the projections have caught up, every KPI of every
/// endpoint equals the same KPI computed from scratch over the event table, for several periods.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class GeneratedHistoryTests(AuthApiFixture api, ITestOutputHelper output) : IClassFixture<AuthApiFixture>
{
    private const int Events = 100_000;

    [Fact]
    public async Task Every_KPI_of_a_100000_event_history_equals_its_oracle_for_every_period()
    {
        var (owner, history) = await GenerateAsync(days: 400, leadsPerDay: 28, maxEvents: Events, seed: 11);
        history.Events.Should().HaveCount(Events);
        EveryStreamIsCausal(history);
        var (other, small) = await GenerateAsync(days: 30, leadsPerDay: 4, maxEvents: null, seed: 12);
        small.Events.Count.Should().BeGreaterThan(100);

        using var client = api.Client.WithBearer(owner);
        using var otherClient = api.Client.WithBearer(other);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Bogota");
        var first = HistoryClock.Day(zone, history.Events[0].At);
        var last = HistoryClock.Day(zone, history.Events[^1].At);
        var monthStart = new DateOnly(last.Year, last.Month, 1).AddMonths(-2);
        (DateOnly From, DateOnly To)[] periods =
        [
            (first, last), (monthStart, monthStart.AddMonths(1).AddDays(-1)), (monthStart.AddDays(-3), monthStart.AddDays(3)),
        ];

        var caughtUp = Stopwatch.StartNew();
        foreach (var check in KpiCheck.All) await UntilEqualAsync(client, check, owner.TenantId, periods[0]);
        output.WriteLine($"projections caught up in {caughtUp.Elapsed.TotalSeconds:F1} s");

        foreach (var check in KpiCheck.All)
        {
            foreach (var (from, to) in periods)
            {
                var expected = await check.FromEventsAsync(api.Database.DataSource, owner.TenantId, from, to);
                // The history has leads and sales in every period; a KPI of things it does not generate may be empty.
                if (check == KpiCheck.All[0]) expected.Should().NotBeEmpty($"{check.Path} has figures from {from} to {to}");
                check.Figures(await LeadRequests.GetJsonAsync(client, check.For(from, to)))
                    .Should().BeEquivalentTo(expected, $"{check.Path} from {from} to {to}");
            }
            await UntilEqualAsync(otherClient, check, other.TenantId, (HistoryClock.Day(zone, small.Events[0].At), last));
        }
    }

    private async Task<(TestAccount Owner, SalesHistory History)> GenerateAsync(int days, double leadsPerDay, int? maxEvents, int seed)
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        var system = api.Database.DataSource;
        await HistorySalesTeam.EnsureAsync(system, owner.TenantId, 5, CancellationToken.None);
        var tenant = await HistoryTenant.LoadAsync(system, api.Host.Services.GetRequiredService<EventReader>(), owner.TenantId, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var history = SalesHistoryGenerator.Generate(tenant, new SalesHistoryOptions(DateTimeOffset.UtcNow.AddMinutes(-1), days, leadsPerDay, seed, maxEvents));
        var generated = clock.Elapsed;
        var result = await new SalesHistoryWriter(api.Host.Services.GetRequiredService<BulkAppender>()).AppendAsync(owner.TenantId, history.Events);
        result.Appended.Should().Be(history.Events.Count);
        // The write side's rows of the history's leads, customers and opportunities, as the demo writes them.
        await using (var tx = await api.Host.Services.GetRequiredService<TenantDatabase>().BeginAsync(owner.TenantId, CancellationToken.None))
        {
            await HistoryRows.WriteAsync(tx, history.Events, CancellationToken.None);
            await tx.CommitAsync(CancellationToken.None);
        }
        output.WriteLine($"{history.Events.Count:N0} events ({history.Leads:N0} leads, {history.Opportunities:N0} opportunities): " +
            $"generated in {generated.TotalSeconds:F1} s, appended in {(clock.Elapsed - generated).TotalSeconds:F1} s");
        return (owner, history);
    }

    private async Task UntilEqualAsync(HttpClient client, KpiCheck check, Guid tenantId, (DateOnly From, DateOnly To) period)
    {
        var expected = await check.FromEventsAsync(api.Database.DataSource, tenantId, period.From, period.To);
        var deadline = DateTime.UtcNow.AddSeconds(150);
        var actual = check.Figures(await LeadRequests.GetJsonAsync(client, check.For(period.From, period.To)));
        while (!Same(actual, expected) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            actual = check.Figures(await LeadRequests.GetJsonAsync(client, check.For(period.From, period.To)));
        }
        actual.Should().BeEquivalentTo(expected, $"{check.Path} over the whole history once the projections caught up");
    }

    /// <summary>Each stream starts with its creation, its times never go back, and a closed lead takes no more events but its score.</summary>
    private static void EveryStreamIsCausal(SalesHistory history)
    {
        history.Events.Select(e => e.At).Should().BeInAscendingOrder();
        foreach (var stream in history.Events.GroupBy(e => e.StreamId))
        {
            stream.First().Data.Should().BeOfType(stream.Key.Split('-')[0] switch
            {
                "lead" => typeof(LeadCreated), "customer" => typeof(CustomerCreated), _ => typeof(OpportunityOpened),
            }, stream.Key);
            var closed = stream.SkipWhile(e => e.Data is not (LeadConverted or LeadDisqualified)).Skip(1);
            closed.Should().BeEmpty($"{stream.Key} is closed");
        }
    }

    private static bool Same(Dictionary<string, decimal> actual, Dictionary<string, decimal> expected) =>
        actual.Count == expected.Count && expected.All(e => actual.TryGetValue(e.Key, out var v) && v == e.Value);
}

using System.Net;
using Platform.Api.Tests.Auth;
using Platform.Api.Tests.Customers;
using Platform.Api.Tests.Leads;
using Platform.Api.Tests.Pipeline;

namespace Platform.Api.Tests.Analytics;

public sealed class CustomerSegmentFiguresTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    [Fact]
    public async Task Segments_new_customers_and_customers_at_risk_equal_the_same_figures_computed_from_the_events()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var ana = await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, owner.TenantId, "sales");
        using var asAna = api.Client.WithBearer(ana);
        var customers = new List<Guid>();
        for (var i = 0; i < 7; i++) customers.Add(await CustomerRequests.CreateAsync(client, CustomerRequests.Body($"Cliente {i}", $"300 444 {i:D4}")));
        foreach (var days in new[] { 1, 2, 3 }) await Touch(client, customers[0], days);
        await Touch(asAna, customers[1], 40);
        await Touch(client, customers[2], 200);
        await Touch(asAna, customers[3], 10);
        await Touch(asAna, customers[6], 100);
        await Touch(asAna, customers[6], 45);
        var pipelineId = (await SalesTeam.SeededPipelineAsync(client)).GetProperty("pipelineId").GetGuid();
        await Win(customers[0], 5_000_000m);
        await Win(customers[4], 2_000_000m);
        var (from, to, query) = Converging.AroundToday();

        var expected = await CustomerSegmentsOracle.FromEventsAsync(api.Database.DataSource, owner.TenantId, from, to);
        expected["segment:frequent"].Should().Be(1);
        expected["segment:inactive"].Should().Be(1);
        expected["segment:occasional"].Should().Be(5);
        expected["value:frequent"].Should().Be(5_000_000m);
        expected["new"].Should().Be(7);
        expected["atRisk"].Should().Be(3, "customers 1, 2 and 6 have had nothing for 30 days");
        var answer = await Converging.FiguresAsync(client, $"/api/analytics/customers/segments?{query}", CustomerSegmentsOracle.Figures, expected);
        var listed = answer.GetProperty("atRisk").GetProperty("top");
        listed[0].GetProperty("name").GetString().Should().Be("Cliente 2", "without value, the longest silent comes first");
        listed[0].GetProperty("daysSince").GetInt32().Should().BeInRange(199, 200);
        listed[0].GetProperty("segment").GetString().Should().Be("inactive");
        answer.GetProperty("rules").GetProperty("inactiveDays").GetInt32().Should().Be(180);

        var week = await CustomerSegmentsOracle.FromEventsAsync(api.Database.DataSource, owner.TenantId, from, to, 5, null);
        week["atRisk"].Should().Be(4);
        await Converging.FiguresAsync(client, $"/api/analytics/customers/segments?{query}&atRiskDays=5", CustomerSegmentsOracle.Figures, week);
        var anas = await CustomerSegmentsOracle.FromEventsAsync(api.Database.DataSource, owner.TenantId, from, to, 30, ana.UserId);
        anas["customers"].Should().Be(3);
        anas["atRisk"].Should().Be(2);
        await Converging.FiguresAsync(client, $"/api/analytics/customers/segments?{query}&salesperson={ana.UserId}", CustomerSegmentsOracle.Figures, anas);

        var past = await LeadRequests.GetJsonAsync(client, "/api/analytics/customers/segments?from=2020-01-01&to=2020-12-31");
        past.GetProperty("newCustomers").GetInt64().Should().Be(0);
        past.GetProperty("customers").GetInt64().Should().Be(7, "segments are now, whatever the period");
        var stranger = await TestAccounts.RegisterTenantAsync(api.Client);
        using var strangerClient = api.Client.WithBearer(stranger);
        var theirs = await LeadRequests.GetJsonAsync(strangerClient, $"/api/analytics/customers/segments?{query}&salesperson={ana.UserId}");
        theirs.GetProperty("customers").GetInt64().Should().Be(0, "another tenant's salesperson matches nothing");
        theirs.GetProperty("atRisk").GetProperty("top").GetArrayLength().Should().Be(0);

        async Task Win(Guid customer, decimal amount)
        {
            var opportunity = await SalesTeam.OpenAsync(client, pipelineId, customer, amount);
            using var won = await SalesTeam.SendAsync(client, HttpMethod.Post, $"/api/opportunities/{opportunity}/win", new { amount });
            won.EnsureSuccessStatusCode();
            await SalesTeam.EventuallyAsync(client, $"/api/customers/{customer}", c => c.GetProperty("lifetimeValue").ValueKind == System.Text.Json.JsonValueKind.Number
                && c.GetProperty("lifetimeValue").GetDecimal() == amount);
        }
    }

    private static async Task Touch(HttpClient client, Guid customer, int daysAgo)
    {
        using var response = await CustomerRequests.SendAsync(client, HttpMethod.Post, $"/api/customers/{customer}/interactions",
            new { kind = "call", outcome = "successful", occurredAt = DateTimeOffset.UtcNow.AddDays(-daysAgo) });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}

using System.Net;
using System.Text.Json;
using Platform.Api.Tests.Auth;
using Platform.Api.Tests.Leads;
using Platform.Api.Tests.Pipeline;
using Platform.Read.Analytics;

namespace Platform.Api.Tests.Analytics;

public sealed class DashboardTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    [Fact]
    public async Task Every_figure_of_the_incremental_projection_equals_the_same_figure_computed_from_the_events()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var ana = await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, owner.TenantId, "sales");
        using var asAna = api.Client.WithBearer(ana);
        var pipeline = await SalesTeam.SeededPipelineAsync(client);
        var pipelineId = pipeline.GetProperty("pipelineId").GetGuid();
        var contacted = SalesTeam.StageId(pipeline, "Contactado");
        string[] reasons = ["Precio", "No responde"];
        for (var i = 0; i < 30; i++)
        {
            var lead = await LeadRequests.CreateAsync(client, LeadRequests.Body($"Cliente {i}", $"300 222 {i:D4}"));
            if (i % 3 != 2)
            {
                using var contact = await LeadRequests.PostAsync(i % 2 == 0 ? asAna : client, $"/api/leads/{lead}/contact", new { channel = "call" });
                contact.EnsureSuccessStatusCode();
            }
            if (i % 2 != 0) continue;
            var customerId = (await LeadRequests.GetJsonAsync(client, $"/api/leads/{lead}")).GetProperty("customerId").GetGuid();
            var opportunity = await SalesTeam.OpenAsync(client, pipelineId, customerId, 10_000_000m + i, new { leadId = lead });
            if (i % 4 == 0) await Send(HttpMethod.Put, $"/api/opportunities/{opportunity}/stage", new { stageId = contacted });
            if (i % 6 == 0) await Send(HttpMethod.Post, $"/api/opportunities/{opportunity}/win", new { amount = 1_000_000m * (i + 1) });
            else if (i % 6 == 2) await Send(HttpMethod.Post, $"/api/opportunities/{opportunity}/lose", new { reason = reasons[i / 6 % 2] });
        }
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (from, to) = (today.AddDays(-2), today.AddDays(2));
        var expected = await DashboardOracle.FromEventsAsync(api.Database.DataSource, owner.TenantId, from, to);
        expected["leads"].Should().Be(30);
        expected["won"].Should().Be(5);
        expected["lost"].Should().Be(5);
        expected.Should().ContainKey($"stage:{contacted}").And.ContainKey($"advanced:{contacted}").And.ContainKey($"lostFrom:{contacted}");

        var path = $"/api/analytics/dashboard?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var dashboard = await LeadRequests.GetJsonAsync(client, path);
        while (!Same(DashboardOracle.Figures(dashboard), expected) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            dashboard = await LeadRequests.GetJsonAsync(client, path);
        }
        DashboardOracle.Figures(dashboard).Should().BeEquivalentTo(expected);
        dashboard.GetProperty("conversionRate").GetDouble().Should().BeApproximately(15 / 30.0, 0.0001);
        dashboard.GetProperty("winRate").GetDouble().Should().BeApproximately(0.5, 0.0001);
        dashboard.GetProperty("funnel").EnumerateArray().Single(s => s.GetProperty("stageId").GetGuid() == contacted)
            .GetProperty("name").GetString().Should().Be("Contactado");

        var byDefault = await LeadRequests.GetJsonAsync(client, "/api/analytics/dashboard");
        byDefault.GetProperty("leads").GetInt64().Should().Be(30, "today is within the last 30 days");
        var past = await LeadRequests.GetJsonAsync(client, "/api/analytics/dashboard?from=2020-01-01&to=2020-12-31");
        past.GetProperty("leads").GetInt64().Should().Be(0);
        past.GetProperty("responseTime").GetProperty("p50Seconds").ValueKind.Should().Be(JsonValueKind.Null);

        var stranger = await TestAccounts.RegisterTenantAsync(api.Client);
        using var strangerClient = api.Client.WithBearer(stranger);
        var theirs = await LeadRequests.GetJsonAsync(strangerClient, path);
        theirs.GetProperty("leads").GetInt64().Should().Be(0, "another tenant sees only its own figures");
        theirs.GetProperty("funnel").GetArrayLength().Should().Be(0);

        async Task Send(HttpMethod method, string route, object body)
        {
            using var response = await SalesTeam.SendAsync(client, method, route, body);
            response.EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task Every_figure_narrowed_by_pipeline_salesperson_or_source_equals_the_same_figure_computed_from_the_events()
    {
        var history = await SalesScenario.BuildAsync(api);
        using var client = api.Client.WithBearer(history.Owner);
        var (from, to) = OracleChecks.AroundToday();
        var all = await DashboardOracle.FromEventsAsync(api.Database.DataSource, history.Owner.TenantId, from, to);
        all["leads"].Should().Be(24);
        foreach (var (name, filter) in history.Filters())
        {
            var expected = await DashboardOracle.FromEventsAsync(api.Database.DataSource, history.Owner.TenantId, from, to, filter);
            var answer = await OracleChecks.SettledAsync(client, OracleChecks.Path("/api/analytics/dashboard", from, to, filter), DashboardOracle.Figures, expected);
            DashboardOracle.Figures(answer).Should().BeEquivalentTo(expected, name);
            if (filter != SalesFilter.None) expected.Should().NotBeEquivalentTo(all, $"the filter {name} narrows the figures");
        }
        var webhook = await DashboardOracle.FromEventsAsync(api.Database.DataSource, history.Owner.TenantId, from, to, new SalesFilter(Source: "webhook"));
        webhook["leads"].Should().Be(8);
        var stranger = await TestAccounts.RegisterTenantAsync(api.Client);
        using var strangerClient = api.Client.WithBearer(stranger);
        var theirPipeline = (await SalesTeam.SeededPipelineAsync(strangerClient)).GetProperty("pipelineId").GetGuid();
        var foreign = await LeadRequests.GetJsonAsync(client, OracleChecks.Path("/api/analytics/dashboard", from, to, new SalesFilter(PipelineId: theirPipeline)));
        foreign.GetProperty("leads").GetInt64().Should().Be(0, "another tenant's pipeline matches nothing");
        foreign.GetProperty("funnel").GetArrayLength().Should().Be(0);
    }

    [Theory]
    [InlineData("sales", HttpStatusCode.Forbidden)]
    [InlineData("viewer", HttpStatusCode.Forbidden)]
    [InlineData("auditor", HttpStatusCode.Forbidden)]
    [InlineData("analyst", HttpStatusCode.OK)]
    [InlineData("admin", HttpStatusCode.OK)]
    public async Task Only_analysts_admins_and_owners_read_the_dashboard(string role, HttpStatusCode status)
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        var user = await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, owner.TenantId, role);
        using var client = api.Client.WithBearer(user);
        using var response = await client.GetAsync(new Uri("/api/analytics/dashboard", UriKind.Relative));
        response.StatusCode.Should().Be(status);
    }

    [Theory]
    [InlineData("from=2026-03-01&to=2026-02-01", "from")]
    [InlineData("from=2020-01-01&to=2026-01-01", "to")]
    [InlineData("from=ayer", "from")]
    [InlineData("to=2026-13-01", "to")]
    [InlineData("from=1900-01-01", "from")]
    public async Task A_bad_period_is_a_400_naming_the_field(string query, string field)
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        using var response = await client.GetAsync(new Uri($"/api/analytics/dashboard?{query}", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await TestAccounts.ReadJsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue();
    }

    private static bool Same(Dictionary<string, decimal> actual, Dictionary<string, decimal> expected) =>
        actual.Count == expected.Count && expected.All(e => actual.TryGetValue(e.Key, out var v) && v == e.Value);
}

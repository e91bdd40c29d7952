using Platform.Api.Tests.Auth;
using Platform.Api.Tests.Leads;
using Platform.Api.Tests.Pipeline;
using Platform.Read.Analytics;

namespace Platform.Api.Tests.Analytics;

public sealed class ConversionTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    private const string Endpoint = "/api/analytics/opportunities/conversion";

    [Fact]
    public async Task Every_figure_for_every_filter_equals_the_same_figure_computed_from_the_events()
    {
        var history = await SalesScenario.BuildAsync(api);
        using var client = api.Client.WithBearer(history.Owner);
        var (from, to) = OracleChecks.AroundToday();
        var all = await ConversionOracle.FromEventsAsync(api.Database.DataSource, history.Owner.TenantId, from, to);
        all["cohort:leads"].Should().Be(24);
        all["cohort:converted"].Should().Be(18);
        all["source:webhook:leads"].Should().Be(8);
        foreach (var (name, filter) in history.Filters())
        {
            var expected = await ConversionOracle.FromEventsAsync(api.Database.DataSource, history.Owner.TenantId, from, to, filter);
            var answer = await OracleChecks.SettledAsync(client, OracleChecks.Path(Endpoint, from, to, filter), ConversionOracle.Figures, expected);
            ConversionOracle.Figures(answer).Should().BeEquivalentTo(expected, name);
            if (filter != SalesFilter.None) expected.Should().NotBeEquivalentTo(all, $"the filter {name} narrows the figures");
        }

        var conversion = await LeadRequests.GetJsonAsync(client, OracleChecks.Path(Endpoint, from, to, SalesFilter.None));
        var cohort = conversion.GetProperty("cohort");
        cohort.GetProperty("leadToOpportunity").GetDouble().Should().BeApproximately(18 / 24.0, 0.0001);
        cohort.GetProperty("leadToWon").GetDouble().Should().BeApproximately(cohort.GetProperty("won").GetInt64() / 24.0, 0.0001);
        conversion.GetProperty("byMonth").EnumerateArray().Sum(m => m.GetProperty("conversion").GetProperty("leads").GetInt64()).Should().Be(24);
        var closed = conversion.GetProperty("closed");
        closed.GetProperty("winRate").GetDouble().Should().BeApproximately(
            (double)closed.GetProperty("won").GetInt64() / (closed.GetProperty("won").GetInt64() + closed.GetProperty("lost").GetInt64()), 0.0001);

        var past = await LeadRequests.GetJsonAsync(client, $"{Endpoint}?from=2020-01-01&to=2020-12-31");
        past.GetProperty("cohort").GetProperty("leads").GetInt64().Should().Be(0);
        past.GetProperty("cohort").GetProperty("leadToWon").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        var stranger = await TestAccounts.RegisterTenantAsync(api.Client);
        using var strangerClient = api.Client.WithBearer(stranger);
        var theirPipeline = (await SalesTeam.SeededPipelineAsync(strangerClient)).GetProperty("pipelineId").GetGuid();
        var foreign = await LeadRequests.GetJsonAsync(client, OracleChecks.Path(Endpoint, from, to, new SalesFilter(PipelineId: theirPipeline)));
        foreign.GetProperty("cohort").GetProperty("leads").GetInt64().Should().Be(0, "another tenant's pipeline matches nothing");
        foreign.GetProperty("closed").GetProperty("won").GetInt64().Should().Be(0);
    }
}

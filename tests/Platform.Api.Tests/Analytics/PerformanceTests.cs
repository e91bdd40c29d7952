using Platform.Api.Tests.Auth;
using Platform.Api.Tests.Leads;
using Platform.Api.Tests.Pipeline;
using Platform.Read.Analytics;

namespace Platform.Api.Tests.Analytics;

public sealed class PerformanceTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    private const string Endpoint = "/api/analytics/pipeline/performance";

    [Fact]
    public async Task Every_figure_for_every_filter_equals_the_same_figure_computed_from_the_events()
    {
        var history = await SalesScenario.BuildAsync(api);
        using var client = api.Client.WithBearer(history.Owner);
        var (from, to) = OracleChecks.AroundToday();
        var all = await PerformanceOracle.FromEventsAsync(api.Database.DataSource, history.Owner.TenantId, from, to);
        all.Should().ContainKey($"stage:{history.Contacted}:average").And.ContainKey($"person:{history.Ana}:wonAmount:COP");
        foreach (var (name, filter) in history.Filters())
        {
            var expected = await PerformanceOracle.FromEventsAsync(api.Database.DataSource, history.Owner.TenantId, from, to, filter);
            var answer = await OracleChecks.SettledAsync(client, OracleChecks.Path(Endpoint, from, to, filter), PerformanceOracle.Figures, expected);
            PerformanceOracle.Figures(answer).Should().BeEquivalentTo(expected, name);
            if (filter != SalesFilter.None) expected.Should().NotBeEquivalentTo(all, $"the filter {name} narrows the figures");
        }

        var performance = await LeadRequests.GetJsonAsync(client, OracleChecks.Path(Endpoint, from, to, SalesFilter.None));
        var stages = performance.GetProperty("stages").EnumerateArray().ToList();
        stages.Select(s => (s.GetProperty("pipelineName").GetString(), s.GetProperty("position").GetInt32())).Should()
            .BeInAscendingOrder(s => s.Item1, StringComparer.Ordinal).And.OnlyHaveUniqueItems();
        var contacted = stages.Single(s => s.GetProperty("stageId").GetGuid() == history.Contacted);
        contacted.GetProperty("name").GetString().Should().Be("Contactado");
        contacted.GetProperty("conversion").GetDouble().Should().BeApproximately(
            (double)contacted.GetProperty("advanced").GetInt64() / contacted.GetProperty("entered").GetInt64(), 0.0001);
        contacted.GetProperty("averageSeconds").GetDouble().Should().BeGreaterThan(0, "opportunities stayed in Contactado before moving on");
        var (won, lost) = (performance.GetProperty("won").GetInt64(), performance.GetProperty("lost").GetInt64());
        performance.GetProperty("winRate").GetDouble().Should().BeApproximately((double)won / (won + lost), 0.0001);
        performance.GetProperty("salespeople").EnumerateArray().Select(p => p.GetProperty("userId").GetGuid()).Should().Contain([history.Ana, history.Beto]);

        var stranger = await TestAccounts.RegisterTenantAsync(api.Client);
        using var strangerClient = api.Client.WithBearer(stranger);
        var theirPipeline = (await SalesTeam.SeededPipelineAsync(strangerClient)).GetProperty("pipelineId").GetGuid();
        var foreign = await LeadRequests.GetJsonAsync(client, OracleChecks.Path(Endpoint, from, to, new SalesFilter(PipelineId: theirPipeline)));
        PerformanceOracle.Figures(foreign).Should().BeEquivalentTo(new Dictionary<string, decimal> { ["won"] = 0, ["lost"] = 0 }, "another tenant's pipeline matches nothing");
    }
}

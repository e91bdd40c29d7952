using System.Globalization;
using System.Net;
using System.Text.Json;
using Platform.Api.Tests.Auth;
using Platform.Api.Tests.Leads;
using Platform.Api.Tests.Pipeline;

namespace Platform.Api.Tests.Analytics;

public sealed class ForecastTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    [Fact]
    public async Task Forecast_from_the_board_equals_the_same_figures_computed_from_the_events()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var pipeline = await SalesTeam.SeededPipelineAsync(client);
        var pipelineId = pipeline.GetProperty("pipelineId").GetGuid();
        var contacted = SalesTeam.StageId(pipeline, "Contactado");
        var probability = pipeline.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("stageId").GetGuid() == contacted).GetProperty("probability").GetInt32();
        var customer = await SalesTeam.CreateCustomerAsync(api.Database.DataSource, owner.TenantId);
        var current = (await LeadRequests.GetJsonAsync(client, "/api/analytics/forecast")).GetProperty("from").GetString()!;
        var month = DateOnly.ParseExact(current + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        string Day(int months, int day) => month.AddMonths(months).AddDays(day - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var next = await SalesTeam.OpenAsync(client, pipelineId, customer, 10_000_000m, new { expectedCloseDate = Day(1, 10) });
        await Send(HttpMethod.Put, $"/api/opportunities/{next}/stage", new { stageId = contacted });
        await SalesTeam.OpenAsync(client, pipelineId, customer, 4_000_000m, new { expectedCloseDate = Day(1, 28) });
        var undated = await SalesTeam.OpenAsync(client, pipelineId, customer, 3_000_000m);
        var changed = await SalesTeam.OpenAsync(client, pipelineId, customer, 2_000_000m, new { expectedCloseDate = Day(0, 5) });
        await Send(HttpMethod.Patch, $"/api/opportunities/{changed}", new { value = 2_500_000m, expectedCloseDate = Day(2, 1) });
        var won = await SalesTeam.OpenAsync(client, pipelineId, customer, 9_000_000m, new { expectedCloseDate = Day(3, 1) });
        await Send(HttpMethod.Post, $"/api/opportunities/{won}/win", new { amount = 8_500_000m });
        var lost = await SalesTeam.OpenAsync(client, pipelineId, customer, 7_000_000m, new { expectedCloseDate = Day(1, 1) });
        await Send(HttpMethod.Post, $"/api/opportunities/{lost}/lose", new { reason = "Precio" });
        await Send(HttpMethod.Put, $"/api/analytics/targets/{current}", new { amount = 20_000_000m });
        await Send(HttpMethod.Put, $"/api/analytics/targets/{Day(1, 1)[..7]}", new { amount = 15_000_000m, currency = "usd" });

        var (from, to) = (month, month.AddMonths(6).AddDays(-1));
        var expected = await ForecastOracle.FromEventsAsync(api.Database.DataSource, owner.TenantId, from, to);
        var cur = (await LeadRequests.GetJsonAsync(client, $"/api/opportunities/{undated}")).GetProperty("value").GetProperty("currency").GetString();
        var nextMonth = Day(1, 1)[..7];
        expected.Should().Contain($"open:{nextMonth}:{cur}", 2).And.Contain($"won:{current}:{cur}", 8_500_000m)
            .And.Contain($"open:{current}:{cur}", 1, "an opportunity without a close date counts in the current month")
            .And.Contain($"pipeline:{Day(2, 1)[..7]}:{cur}", 2_500_000m).And.Contain($"target:{nextMonth}:USD", 15_000_000m)
            .And.Contain($"weighted:{nextMonth}:{cur}", decimal.Round(10_000_000m * probability / 100m + 4_000_000m * 0.10m, 2));

        var forecast = await SalesTeam.EventuallyAsync(client, "/api/analytics/forecast", f => Same(ForecastOracle.Figures(f), expected));
        ForecastOracle.Figures(forecast).Should().BeEquivalentTo(expected);
        forecast.GetProperty("months").EnumerateArray().Select(m => m.GetProperty("month").GetString()).Distinct().Should().HaveCount(6);
        forecast.GetProperty("to").GetString().Should().Be(month.AddMonths(5).ToString("yyyy-MM", CultureInfo.InvariantCulture));

        var byPipeline = await LeadRequests.GetJsonAsync(client, $"/api/analytics/forecast?pipeline={pipelineId}&from={current}&to={current}");
        ForecastOracle.Figures(byPipeline).Should().BeEquivalentTo(
            await ForecastOracle.FromEventsAsync(api.Database.DataSource, owner.TenantId, from, from, pipelineId));
        byPipeline.GetProperty("months")[0].GetProperty("target").ValueKind.Should().Be(JsonValueKind.Null, "a target is the whole team's");
        var otherPipeline = await LeadRequests.GetJsonAsync(client, $"/api/analytics/forecast?pipeline={Guid.NewGuid()}");
        ForecastOracle.Figures(otherPipeline).Should().BeEmpty();

        var stranger = await TestAccounts.RegisterTenantAsync(api.Client);
        using var strangerClient = api.Client.WithBearer(stranger);
        ForecastOracle.Figures(await LeadRequests.GetJsonAsync(strangerClient, $"/api/analytics/forecast?pipeline={pipelineId}")).Should().BeEmpty();
        ForecastOracle.Figures(await LeadRequests.GetJsonAsync(strangerClient, "/api/analytics/forecast")).Should().BeEmpty();

        async Task Send(HttpMethod method, string route, object body)
        {
            using var response = await SalesTeam.SendAsync(client, method, route, body);
            response.EnsureSuccessStatusCode();
        }
    }

    [Theory]
    [InlineData("from=2026-13", "from")]
    [InlineData("from=2026-03&to=2026-02", "from")]
    [InlineData("from=2026-01&to=2029-01", "to")]
    [InlineData("to=marzo", "to")]
    [InlineData("from=1999-12", "from")]
    [InlineData("pipeline=embudo", "pipeline")]
    public async Task A_bad_month_range_or_pipeline_is_a_400_naming_the_parameter(string query, string field)
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        using var response = await client.GetAsync(new Uri($"/api/analytics/forecast?{query}", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await TestAccounts.ReadJsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue();
    }

    [Fact]
    public async Task Thirty_six_months_are_the_most_a_forecast_spans()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var forecast = await LeadRequests.GetJsonAsync(client, "/api/analytics/forecast?from=2026-01&to=2028-12");
        forecast.GetProperty("months").GetArrayLength().Should().Be(36);
        forecast.GetProperty("months")[0].GetProperty("open").GetInt64().Should().Be(0);
    }

    private static bool Same(Dictionary<string, decimal> actual, Dictionary<string, decimal> expected) =>
        actual.Count == expected.Count && expected.All(e => actual.TryGetValue(e.Key, out var v) && v == e.Value);
}

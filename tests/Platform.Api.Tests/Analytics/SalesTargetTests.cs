using System.Net;
using System.Text.Json;
using Platform.Api.Tests.Auth;
using Platform.Api.Tests.Leads;
using Platform.Api.Tests.Pipeline;

namespace Platform.Api.Tests.Analytics;

public sealed class SalesTargetTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    [Fact]
    public async Task Targets_are_set_changed_cleared_and_listed_with_the_streams_version()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        using (var set = await SalesTeam.SendAsync(client, HttpMethod.Put, "/api/analytics/targets/2027-03", new { amount = 120_000_000.50m, currency = "cop" }))
        {
            set.StatusCode.Should().Be(HttpStatusCode.OK);
            set.Headers.ETag!.Tag.Should().Be("\"1\"");
        }
        using (var stale = await SalesTeam.SendAsync(client, HttpMethod.Put, "/api/analytics/targets/2027-04", new { amount = 1m }, "\"7\""))
            stale.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        using (var again = await SalesTeam.SendAsync(client, HttpMethod.Put, "/api/analytics/targets/2027-04", new { amount = 90_000_000m, currency = "USD" }, "\"1\""))
            again.Headers.ETag!.Tag.Should().Be("\"2\"");
        using (var same = await SalesTeam.SendAsync(client, HttpMethod.Put, "/api/analytics/targets/2027-04", new { amount = 90_000_000m, currency = "USD" }))
            same.Headers.ETag!.Tag.Should().Be("\"2\"", "the same target changes nothing");

        var listed = await LeadRequests.GetJsonAsync(client, "/api/analytics/targets?from=2027-01&to=2027-12");
        listed.GetProperty("version").GetInt64().Should().Be(2);
        listed.GetProperty("targets").EnumerateArray().Select(t => (t.GetProperty("month").GetString(), t.GetProperty("amount").GetDecimal(), t.GetProperty("currency").GetString()))
            .Should().Equal(("2027-03", 120_000_000.50m, "COP"), ("2027-04", 90_000_000m, "USD"));

        using (var cleared = await SalesTeam.SendAsync(client, HttpMethod.Delete, "/api/analytics/targets/2027-03", ifMatch: "\"2\""))
            cleared.Headers.ETag!.Tag.Should().Be("\"3\"");
        var after = await LeadRequests.GetJsonAsync(client, "/api/analytics/targets?from=2027-01&to=2027-12");
        after.GetProperty("targets").GetArrayLength().Should().Be(1);
        after.GetProperty("version").GetInt64().Should().Be(3, "a cleared month still counts in the version");

        var forecast = await LeadRequests.GetJsonAsync(client, "/api/analytics/forecast?from=2027-03&to=2027-04");
        forecast.GetProperty("months").EnumerateArray().Select(m => (m.GetProperty("month").GetString(), m.GetProperty("currency").GetString(), Target(m)))
            .Should().Contain(("2027-04", "USD", 90_000_000m)).And.Contain(m => m.Item1 == "2027-03" && m.Item3 == null);

        var stranger = await TestAccounts.RegisterTenantAsync(api.Client);
        using var strangerClient = api.Client.WithBearer(stranger);
        (await LeadRequests.GetJsonAsync(strangerClient, "/api/analytics/targets?from=2027-01&to=2027-12")).GetProperty("targets").GetArrayLength().Should().Be(0);
    }

    [Theory]
    [InlineData("2027-13", "{\"amount\":1000}", "month")]
    [InlineData("1999-12", "{\"amount\":1000}", "month")]
    [InlineData("2027-05", "{\"amount\":-5}", "amount")]
    [InlineData("2027-05", "{\"amount\":0}", "amount")]
    [InlineData("2027-05", "{\"amount\":10.123}", "amount")]
    [InlineData("2027-05", "{}", "amount")]
    [InlineData("2027-05", "{\"amount\":1000,\"currency\":\"PESOS\"}", "currency")]
    public async Task A_bad_target_is_a_400_naming_the_field_and_writes_nothing(string month, string body, string field)
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/analytics/targets/{month}", UriKind.Relative))
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        using var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await TestAccounts.ReadJsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue();
        (await LeadRequests.GetJsonAsync(client, "/api/analytics/targets")).GetProperty("version").GetInt64().Should().Be(0);
    }

    [Theory]
    [InlineData("sales", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData("viewer", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData("analyst", HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [InlineData("admin", HttpStatusCode.OK, HttpStatusCode.OK)]
    public async Task Analysts_read_targets_and_only_admins_and_owners_set_them(string role, HttpStatusCode read, HttpStatusCode write)
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        var user = await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, owner.TenantId, role);
        using var client = api.Client.WithBearer(user);
        using (var get = await client.GetAsync(new Uri("/api/analytics/targets", UriKind.Relative))) get.StatusCode.Should().Be(read);
        using (var forecast = await client.GetAsync(new Uri("/api/analytics/forecast", UriKind.Relative))) forecast.StatusCode.Should().Be(read);
        using var put = await SalesTeam.SendAsync(client, HttpMethod.Put, "/api/analytics/targets/2027-06", new { amount = 5_000m });
        put.StatusCode.Should().Be(write);
    }

    private static decimal? Target(JsonElement month) =>
        month.GetProperty("target").ValueKind == JsonValueKind.Null ? null : month.GetProperty("target").GetDecimal();
}

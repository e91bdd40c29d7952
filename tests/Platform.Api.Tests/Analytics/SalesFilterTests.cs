using System.Net;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Analytics;

/// <summary>The rules every sales analytics query shares: who may read it, and bad filters answered as 400 naming the parameter.</summary>
public sealed class SalesFilterTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    public static TheoryData<string> Endpoints { get; } =
        new("/api/analytics/dashboard", "/api/analytics/pipeline/performance", "/api/analytics/opportunities/conversion");

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Sales_and_viewers_are_refused_analysts_read(string endpoint)
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        foreach (var (role, status) in new[] { ("sales", HttpStatusCode.Forbidden), ("viewer", HttpStatusCode.Forbidden), ("analyst", HttpStatusCode.OK) })
        {
            var user = await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, owner.TenantId, role);
            using var client = api.Client.WithBearer(user);
            using var response = await client.GetAsync(new Uri(endpoint, UriKind.Relative));
            response.StatusCode.Should().Be(status, role);
        }
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_bad_filter_or_period_is_a_400_naming_the_parameter(string endpoint)
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        foreach (var (query, field) in new[]
        {
            ("pipeline=ventas", "pipeline"), ("salesperson=ana", "salesperson"), ("source=television", "source"),
            ("from=2026-03-01&to=2026-02-01", "from"), ("to=2026-13-01", "to"),
        })
        {
            using var response = await client.GetAsync(new Uri($"{endpoint}?{query}", UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, query);
            (await TestAccounts.ReadJsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue(query);
        }
    }
}

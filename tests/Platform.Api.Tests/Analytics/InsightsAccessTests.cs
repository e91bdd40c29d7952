using System.Net;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Analytics;

/// <summary>Who reads the customer, catalog and device figures, and which parameters are refused.</summary>
public sealed class InsightsAccessTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    public static TheoryData<string, string, HttpStatusCode> Roles()
    {
        var data = new TheoryData<string, string, HttpStatusCode>();
        foreach (var path in new[] { "/api/analytics/customers/segments", "/api/analytics/catalog", "/api/analytics/devices" })
        {
            foreach (var role in new[] { "sales", "viewer", "auditor" }) data.Add(path, role, HttpStatusCode.Forbidden);
            foreach (var role in new[] { "analyst", "admin" }) data.Add(path, role, HttpStatusCode.OK);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Only_analysts_admins_and_owners_read_the_figures(string path, string role, HttpStatusCode status)
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        var user = await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, owner.TenantId, role);
        using var client = api.Client.WithBearer(user);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        response.StatusCode.Should().Be(status);
    }

    [Theory]
    [InlineData("customers/segments?atRiskDays=0", "atRiskDays")]
    [InlineData("customers/segments?atRiskDays=3651", "atRiskDays")]
    [InlineData("customers/segments?atRiskDays=muchos", "atRiskDays")]
    [InlineData("customers/segments?salesperson=ana", "salesperson")]
    [InlineData("customers/segments?from=2026-03-01&to=2026-02-01", "from")]
    [InlineData("catalog?from=ayer", "from")]
    [InlineData("catalog?from=2020-01-01&to=2026-01-01", "to")]
    [InlineData("devices?to=2026-13-01", "to")]
    [InlineData("devices?from=1900-01-01", "from")]
    public async Task A_bad_parameter_is_a_400_naming_it(string query, string field)
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        using var response = await client.GetAsync(new Uri($"/api/analytics/{query}", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await TestAccounts.ReadJsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue();
    }
}

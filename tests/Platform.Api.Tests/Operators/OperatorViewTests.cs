using System.Net;
using System.Text.Json;
using Platform.Api.Tests.Auth;
using Platform.Api.Tests.Leads;

namespace Platform.Api.Tests.Operators;

public sealed class OperatorViewTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    [Fact]
    public async Task An_operator_made_by_the_tool_sees_every_tenants_leads_plan_usage_and_churn()
    {
        var email = await PlatformOperators.AddAsync(api.Database.ConnectionString);
        var a = await TestAccounts.RegisterTenantAsync(api.Client);
        var b = await TestAccounts.RegisterTenantAsync(api.Client);
        var gone = await TestAccounts.RegisterTenantAsync(api.Client);
        using (var asA = api.Client.WithBearer(a))
            for (var i = 0; i < 3; i++) await LeadRequests.CreateAsync(asA, LeadRequests.Body($"Cliente A{i}", $"300 111 {i:D4}"));
        using (var asB = api.Client.WithBearer(b)) await LeadRequests.CreateAsync(asB, LeadRequests.Body("Cliente B", "300 222 0001"));
        // Six users on a plan of five (a seat count a downgrade or a direct change could leave): over the limit.
        for (var i = 0; i < 5; i++) await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, b.TenantId, "sales");
        using (var asGone = api.Client.WithBearer(gone))
        {
            using var deactivated = await LeadRequests.PostAsync(asGone, "/api/tenant/deactivate", new { reason = "cierre del negocio" });
            deactivated.StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        var tokens = await PlatformOperators.TokensAsync(api.Client, email);
        tokens.GetProperty("tokenType").GetString().Should().Be("Bearer");
        using var asOperator = api.Client.WithBearer(tokens.GetProperty("accessToken").GetString()!);

        var list = await EventuallyAsync(asOperator, "/api/platform/tenants",
            l => Tenant(l, a.TenantId).GetProperty("leadsThisMonth").GetInt64() == 3 && Tenant(l, b.TenantId).GetProperty("leadsThisMonth").GetInt64() == 1);
        var tenantA = Tenant(list, a.TenantId);
        tenantA.GetProperty("slug").GetString().Should().Be(a.Slug);
        tenantA.GetProperty("plan").GetString().Should().Be("basic");
        tenantA.GetProperty("status").GetString().Should().Be("active");
        tenantA.GetProperty("lastActivityAt").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(2));
        Usage(tenantA, "leads-per-month").Should().Be((3, 500, false));
        Usage(tenantA, "users").Should().Be((1, 5, false));
        Usage(tenantA, "catalog-items").Should().Be((0, 1000, false));
        Usage(tenantA, "devices").Should().Be((0, 10, false));
        tenantA.GetProperty("overLimit").GetArrayLength().Should().Be(0);
        var tenantB = Tenant(list, b.TenantId);
        Usage(tenantB, "users").Should().Be((6, 5, true));
        tenantB.GetProperty("overLimit").EnumerateArray().Select(r => r.GetString()).Should().Equal("users");
        Tenant(list, gone.TenantId).GetProperty("status").GetString().Should().Be("deactivated");

        var deactivatedOnly = await LeadRequests.GetJsonAsync(asOperator, "/api/platform/tenants?status=deactivated&plan=basic");
        deactivatedOnly.GetProperty("tenants").EnumerateArray().Select(t => t.GetProperty("tenantId").GetGuid()).Should().Contain(gone.TenantId)
            .And.NotContain([a.TenantId, b.TenantId]);

        var now = DateTime.UtcNow;
        var (from, to) = ($"{now.AddMonths(-1):yyyy-MM}", $"{now:yyyy-MM}");
        var overview = await LeadRequests.GetJsonAsync(asOperator, $"/api/platform/overview?from={from}&to={to}");
        overview.GetProperty("from").GetString().Should().Be(from);
        overview.GetProperty("months").GetArrayLength().Should().Be(2);
        var churned = overview.GetProperty("churned").EnumerateArray().Single(c => c.GetProperty("tenantId").GetGuid() == gone.TenantId);
        churned.GetProperty("reason").GetString().Should().Be("cierre del negocio");
        churned.GetProperty("status").GetString().Should().Be("deactivated");
        var counts = overview.GetProperty("tenants");
        counts.GetProperty("churnedInPeriod").GetInt64().Should().BeGreaterThanOrEqualTo(1);
        counts.GetProperty("active").GetInt64().Should().BeGreaterThanOrEqualTo(2, "A and B acted today");
        counts.GetProperty("deactivated").GetInt64().Should().BeGreaterThanOrEqualTo(1);
        var months = overview.GetProperty("months").EnumerateArray().ToList();
        months.Sum(m => m.GetProperty("newTenants").GetInt64()).Should().BeGreaterThanOrEqualTo(3);
        months.Sum(m => m.GetProperty("churnedTenants").GetInt64()).Should().BeGreaterThanOrEqualTo(1);
        months.Sum(m => m.GetProperty("leads").GetInt64()).Should().BeGreaterThanOrEqualTo(4);
        LeadsOf(overview, a.TenantId).Should().Be(3);
        LeadsOf(overview, b.TenantId).Should().Be(1);
        overview.GetProperty("plans").EnumerateArray().Single(p => p.GetProperty("plan").GetString() == "basic")
            .GetProperty("tenants").GetInt64().Should().BeGreaterThanOrEqualTo(3);

        var longAgo = await LeadRequests.GetJsonAsync(asOperator, "/api/platform/overview?from=2020-01&to=2020-03");
        longAgo.GetProperty("churned").GetArrayLength().Should().Be(0);
        longAgo.GetProperty("leadsPerTenant").GetArrayLength().Should().Be(0);
        longAgo.GetProperty("months").EnumerateArray().Select(m => m.GetProperty("month").GetString()).Should().Equal("2020-01", "2020-02", "2020-03");
    }

    [Theory]
    [InlineData("/api/platform/overview?from=2026-13", "from")]
    [InlineData("/api/platform/overview?to=26-01", "to")]
    [InlineData("/api/platform/overview?from=2026-05&to=2026-01", "from")]
    [InlineData("/api/platform/overview?from=2020-01&to=2026-01", "from")]
    [InlineData("/api/platform/tenants?status=churned", "status")]
    [InlineData("/api/platform/tenants?plan=gold", "plan")]
    public async Task Bad_query_parameters_are_400_naming_the_parameter(string path, string field)
    {
        var email = await PlatformOperators.AddAsync(api.Database.ConnectionString);
        var tokens = await PlatformOperators.TokensAsync(api.Client, email);
        using var asOperator = api.Client.WithBearer(tokens.GetProperty("accessToken").GetString()!);
        using var response = await asOperator.GetAsync(new Uri(path, UriKind.Relative));
        var problem = await TestAccounts.ReadJsonAsync(response);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, problem.ToString());
        problem.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue(problem.ToString());
    }

    private static JsonElement Tenant(JsonElement list, Guid id) =>
        list.GetProperty("tenants").EnumerateArray().Single(t => t.GetProperty("tenantId").GetGuid() == id);

    private static (long Used, int? Limit, bool Over) Usage(JsonElement tenant, string resource)
    {
        var usage = tenant.GetProperty("usage").EnumerateArray().Single(u => u.GetProperty("resource").GetString() == resource);
        var limit = usage.GetProperty("limit");
        return (usage.GetProperty("used").GetInt64(), limit.ValueKind == JsonValueKind.Null ? null : limit.GetInt32(), usage.GetProperty("overLimit").GetBoolean());
    }

    private static long LeadsOf(JsonElement overview, Guid tenant) =>
        overview.GetProperty("leadsPerTenant").EnumerateArray().Single(t => t.GetProperty("tenantId").GetGuid() == tenant).GetProperty("total").GetInt64();

    private static async Task<JsonElement> EventuallyAsync(HttpClient client, string path, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var json = await LeadRequests.GetJsonAsync(client, path);
            if (condition(json)) return json;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The figures never reached the expected values: {json}");
            await Task.Delay(200);
        }
    }
}

using Platform.Api.Tests.Auth;
using Platform.Api.Tests.Leads;
using Platform.Testing;

namespace Platform.Api.Tests.Demo;

/// <summary>The demo dealership's months of sales before its sign-up: in its events, its lists and its dashboard, seeded once.</summary>
public sealed class DemoHistoryTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private const string Password = "clave-demo-de-prueba-123";

    private Task<ApiHost> StartAsync() => ApiHost.StartAsync(
        $"--ConnectionStrings:Platform={database.ConnectionString}", "--Platform:Demo:Seed=true", "--Platform:Demo:Listings=0",
        "--Platform:Demo:HistoryMonths=2", "--Platform:Demo:HistoryLeadsPerDay=6", $"--Platform:Demo:OwnerPassword={Password}");

    [Fact]
    public async Task The_demo_history_shows_in_the_lists_and_the_dashboard_and_a_restart_adds_nothing()
    {
        long events, leads;
        await using (var first = await StartAsync())
        {
            leads = await WaitForAsync("select count(*) from leads l join tenants t using (tenant_id) where t.slug = 'demo' and l.created_at < t.created_at");
            events = await ScalarAsync("select count(*) from events where metadata->>'source' = 'history'");
            leads.Should().BeGreaterThan(200);
            (await ScalarAsync("select count(*) from events where type = 'leads.lead-created.v1' and metadata->>'source' = 'history'")).Should().Be(leads);
            (await ScalarAsync("select count(*) from customers c join tenants t using (tenant_id) where t.slug = 'demo'")).Should().BeGreaterThan(150);
            (await ScalarAsync("select count(*) from opportunity_positions where status = 'won'")).Should().BeGreaterThan(0);

            var (access, _) = await TestAccounts.SignInAsync(first.Client, "dueno@autos-demo.test", Password);
            using var owner = first.Client.WithBearer(access);
            var list = await LeadRequests.GetJsonAsync(owner, "/api/leads?limit=5");
            list.GetProperty("items").GetArrayLength().Should().Be(5, "the leads list reads the rows the history wrote");
            var deadline = DateTime.UtcNow.AddSeconds(60);
            var dashboard = await LeadRequests.GetJsonAsync(owner, "/api/analytics/dashboard");
            while (dashboard.GetProperty("won").GetInt64() == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
                dashboard = await LeadRequests.GetJsonAsync(owner, "/api/analytics/dashboard");
            }
            dashboard.GetProperty("leads").GetInt64().Should().BeGreaterThan(50, "the last 30 days before the sign-up are history");
            dashboard.GetProperty("won").GetInt64().Should().BeGreaterThan(0);
        }

        await using (var second = await StartAsync())
        {
            await Task.Delay(TimeSpan.FromSeconds(8));
        }
        (await ScalarAsync("select count(*) from events where metadata->>'source' = 'history'")).Should().Be(events);
        (await ScalarAsync("select count(*) from leads")).Should().Be(leads);
    }

    private async Task<long> WaitForAsync(string sql)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        long count;
        while ((count = await ScalarAsync(sql)) == 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The demo history was not seeded.");
            await Task.Delay(300);
        }
        return count;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

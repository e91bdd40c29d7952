using System.Globalization;
using System.Text.Json;
using Platform.Api.Tests.Auth;
using Platform.Api.Tests.Leads;
using Platform.Api.Tests.Pipeline;

namespace Platform.Api.Tests.Panel;

/// <summary>A tenant with a little of everything the dashboard draws: leads answered by two salespeople, opportunities moved, won and lost, an open one due next month and targets.</summary>
internal sealed record PanelSalesScenario(TestAccount Owner, TestAccount Ana, TestAccount Beto, string ThisMonth, string NextMonth)
{
    public const string AnaName = "Ana Gómez";
    public const string BetoName = "Beto Ruiz";

    /// <summary>Leads come in now and are answered 2, 4, ... 12 minutes later (by moving <paramref name="clock"/>, kept under the tokens' 15 minutes).</summary>
    public static async Task<PanelSalesScenario> CreateAsync(PanelBrowserFixture api, ShiftedClock clock)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(clock);
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var ana = await Salesperson(api, owner, AnaName);
        var beto = await Salesperson(api, owner, BetoName);
        using var asAna = api.Client.WithBearer(ana);
        using var asBeto = api.Client.WithBearer(beto);
        var pipeline = await SalesTeam.SeededPipelineAsync(client);
        var pipelineId = pipeline.GetProperty("pipelineId").GetGuid();
        var contacted = SalesTeam.StageId(pipeline, "Contactado");

        var start = clock.Offset;
        var leads = new List<Guid>();
        for (var i = 0; i < 8; i++) leads.Add(await LeadRequests.CreateAsync(client, LeadRequests.Body($"Cliente {i}", $"300 444 {i:D4}")));
        for (var i = 0; i < 6; i++)
        {
            clock.Offset = start + TimeSpan.FromMinutes(2 * (i + 1));
            using var contact = await LeadRequests.PostAsync(i % 2 == 0 ? asAna : asBeto, $"/api/leads/{leads[i]}/contact", new { channel = "call" });
            contact.EnsureSuccessStatusCode();
        }
        for (var i = 0; i < 4; i++)
        {
            var lead = leads[i];
            var customer = (await LeadRequests.GetJsonAsync(client, $"/api/leads/{lead}")).GetProperty("customerId").GetGuid();
            var opportunity = await SalesTeam.OpenAsync(client, pipelineId, customer, 20_000_000m + i * 1_000_000m, new { leadId = lead });
            if (i != 3) await Send(client, HttpMethod.Put, $"/api/opportunities/{opportunity}/stage", new { stageId = contacted });
            if (i == 0) await Send(client, HttpMethod.Post, $"/api/opportunities/{opportunity}/win", new { amount = 18_500_000m });
            if (i == 1) await Send(client, HttpMethod.Post, $"/api/opportunities/{opportunity}/lose", new { reason = "Precio" });
        }
        var forecast = await LeadRequests.GetJsonAsync(client, "/api/analytics/forecast");
        var thisMonth = forecast.GetProperty("from").GetString()!;
        var nextMonth = DateOnly.ParseExact(thisMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).AddMonths(1);
        var customerId = await SalesTeam.CreateCustomerAsync(api.Database.DataSource, owner.TenantId);
        await SalesTeam.OpenAsync(client, pipelineId, customerId, 40_000_000m,
            new { expectedCloseDate = nextMonth.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        var next = nextMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await Send(client, HttpMethod.Put, $"/api/analytics/targets/{thisMonth}", new { amount = 30_000_000m, currency = "COP" });
        await Send(client, HttpMethod.Put, $"/api/analytics/targets/{next}", new { amount = 25_000_000m, currency = "COP" });
        return new PanelSalesScenario(owner, ana, beto, thisMonth, next);
    }

    /// <summary>The dashboard once the projection has every lead, contact and close of the history.</summary>
    public static async Task<JsonElement> DashboardAsync(HttpClient owner)
    {
        // The forecast's projection too: the page draws both, and it must not be read half caught up.
        await SalesTeam.EventuallyAsync(owner, "/api/analytics/forecast", f => f.GetProperty("months").EnumerateArray().Sum(m => m.GetProperty("open").GetInt64()) == 3);
        return await SalesTeam.EventuallyAsync(owner, "/api/analytics/dashboard", d =>
            d.GetProperty("leads").GetInt64() == 8 && d.GetProperty("opened").GetInt64() == 5 && d.GetProperty("won").GetInt64() == 1
            && d.GetProperty("lost").GetInt64() == 1 && d.GetProperty("responseTime").GetProperty("contacted").GetInt64() == 6
            && d.GetProperty("responseTime").GetProperty("perSalesperson").GetArrayLength() == 2);
    }

    private static async Task<TestAccount> Salesperson(PanelBrowserFixture api, TestAccount owner, string name)
    {
        var user = await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, owner.TenantId, "sales");
        await using var rename = api.Database.DataSource.CreateCommand("update users set display_name = $1 where user_id = $2");
        rename.Parameters.Add(new() { Value = name });
        rename.Parameters.Add(new() { Value = user.UserId });
        await rename.ExecuteNonQueryAsync();
        return user;
    }

    private static async Task Send(HttpClient client, HttpMethod method, string route, object body)
    {
        using var response = await SalesTeam.SendAsync(client, method, route, body);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{method} {route} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}

using System.Net;
using System.Text.Json;
using Platform.Api.Tests.Auth;
using Platform.Api.Tests.Leads;
using Platform.Api.Tests.Pipeline;
using Platform.Read.Analytics;

namespace Platform.Api.Tests.Analytics;

/// <summary>
/// A tenant's sales history driven through the API: two salespeople, two pipelines, manual and webhook leads,
/// reassignments, contacts, opportunities from leads and one without, moves, wins, losses, a reopening and owner changes.
/// </summary>
internal sealed record SalesScenario(TestAccount Owner, Guid Ana, Guid Beto, Guid Sales, Guid Used, Guid Contacted)
{
    /// <summary>The filters worth checking on this history, each with a name for the failure message.</summary>
    public IEnumerable<(string Name, SalesFilter Filter)> Filters()
    {
        yield return ("none", SalesFilter.None);
        yield return ("pipeline ventas", new SalesFilter(PipelineId: Sales));
        yield return ("pipeline usados", new SalesFilter(PipelineId: Used));
        yield return ("salesperson ana", new SalesFilter(SalespersonId: Ana));
        yield return ("salesperson beto", new SalesFilter(SalespersonId: Beto));
        yield return ("source webhook", new SalesFilter(Source: "webhook"));
        yield return ("source manual", new SalesFilter(Source: "manual"));
        yield return ("all three", new SalesFilter(Sales, Ana, "manual"));
    }

    public static string Query(SalesFilter filter) => string.Concat(
        filter.PipelineId is { } p ? $"&pipeline={p}" : "", filter.SalespersonId is { } s ? $"&salesperson={s}" : "", filter.Source is { } o ? $"&source={o}" : "");

    public static async Task<SalesScenario> BuildAsync(AuthApiFixture api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var ana = await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, owner.TenantId, "sales");
        var beto = await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, owner.TenantId, "sales");
        using var asAna = api.Client.WithBearer(ana);
        using var asBeto = api.Client.WithBearer(beto);
        var sales = await SalesTeam.SeededPipelineAsync(client);
        using (var created = await SalesTeam.SendAsync(client, HttpMethod.Post, "/api/pipelines", new { name = "Usados", template = "generic" }))
            created.StatusCode.Should().Be(HttpStatusCode.Created);
        var used = (await SalesTeam.EventuallyAsync(client, "/api/pipelines", j => j.GetProperty("items").GetArrayLength() == 2))
            .GetProperty("items").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Usados");
        using var issued = await LeadRequests.PostAsync(client, "/api/leads/webhook-secret");
        var secret = (await TestAccounts.ReadJsonAsync(issued)).GetProperty("secret").GetString()!;
        var history = new SalesScenario(owner, ana.UserId, beto.UserId, sales.GetProperty("pipelineId").GetGuid(), used.GetProperty("pipelineId").GetGuid(),
            SalesTeam.StageId(sales, "Contactado"));
        for (var i = 0; i < 24; i++)
        {
            var (mine, other) = i % 2 == 0 ? (ana, beto) : (beto, ana);
            var lead = await NewLeadAsync(api, client, owner, secret, i, mine.UserId);
            if (i % 5 == 1) await Ok(LeadRequests.PostAsync(client, $"/api/leads/{lead}/assign", new { userId = other.UserId }));
            if (i % 3 != 2) await Ok(LeadRequests.PostAsync(i % 4 < 2 ? asAna : asBeto, $"/api/leads/{lead}/contact", new { channel = "call" }));
            if (i % 4 == 3) continue;
            var pipeline = i % 3 == 1 ? used : sales;
            var customerId = (await LeadRequests.GetJsonAsync(client, $"/api/leads/{lead}")).GetProperty("customerId").GetGuid();
            var opportunity = await SalesTeam.OpenAsync(client, pipeline.GetProperty("pipelineId").GetGuid(), customerId, 10_000_000m + i,
                new { leadId = lead, ownerId = mine.UserId });
            await WorkAsync(client, opportunity, pipeline, i, other.UserId);
        }
        var walkIn = await SalesTeam.CreateCustomerAsync(api.Database.DataSource, owner.TenantId);
        var direct = await SalesTeam.OpenAsync(client, history.Sales, walkIn, 5_000_000m, new { ownerId = ana.UserId });
        await WorkAsync(client, direct, sales, 0, ana.UserId);
        return history;
    }

    /// <summary>What happens to the i-th opportunity: moves, a win or a loss (one reopened and won), an owner change.</summary>
    private static async Task WorkAsync(HttpClient client, Guid opportunity, JsonElement pipeline, int i, Guid other)
    {
        var stages = pipeline.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stageId").GetGuid()).ToList();
        if (i % 4 != 2) await Ok(SalesTeam.SendAsync(client, HttpMethod.Put, $"/api/opportunities/{opportunity}/stage", new { stageId = stages[1] }));
        if (i % 8 == 0) await Ok(SalesTeam.SendAsync(client, HttpMethod.Put, $"/api/opportunities/{opportunity}/stage", new { stageId = stages[2] }));
        if (i % 6 == 1) await Ok(SalesTeam.SendAsync(client, HttpMethod.Patch, $"/api/opportunities/{opportunity}", new { ownerId = other }));
        if (i % 3 == 0) await Ok(SalesTeam.SendAsync(client, HttpMethod.Post, $"/api/opportunities/{opportunity}/win", new { amount = 1_000_000m * (i + 1) }));
        else if (i % 3 == 1) await Ok(SalesTeam.SendAsync(client, HttpMethod.Post, $"/api/opportunities/{opportunity}/lose", new { reason = i % 2 == 0 ? "Precio" : "No responde" }));
        if (i % 12 == 1)
        {
            await Ok(SalesTeam.SendAsync(client, HttpMethod.Post, $"/api/opportunities/{opportunity}/reopen", new { stageId = stages[0] }));
            await Ok(SalesTeam.SendAsync(client, HttpMethod.Post, $"/api/opportunities/{opportunity}/win", new { amount = 7_000_000m }));
        }
    }

    private static async Task<Guid> NewLeadAsync(AuthApiFixture api, HttpClient client, TestAccount owner, string secret, int i, Guid assignee)
    {
        if (i % 3 != 0)
        {
            var body = LeadRequests.Body($"Cliente {i}", $"300 222 {i:D4}");
            body["assigneeId"] = assignee.ToString();
            return await LeadRequests.CreateAsync(client, body);
        }
        using var delivered = await api.Client.SendAsync(WebhookRequests.Signed(owner.Slug, secret, WebhookRequests.Body($"300 444 {i:D4}")));
        delivered.StatusCode.Should().Be(HttpStatusCode.Accepted);
        return (await TestAccounts.ReadJsonAsync(delivered)).GetProperty("leadId").GetGuid();
    }

    private static async Task Ok(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}

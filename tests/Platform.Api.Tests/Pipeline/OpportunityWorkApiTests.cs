using System.Net;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Pipeline;

public sealed class OpportunityWorkApiTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    [Fact]
    public async Task Activities_show_in_their_assignees_tasks_soonest_first_until_done()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        var sales = await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, owner.TenantId, "sales");
        using var asOwner = api.Client.WithBearer(owner);
        using var asSales = api.Client.WithBearer(sales);
        var pipeline = await SalesTeam.SeededPipelineAsync(asOwner);
        var id = await SalesTeam.OpenAsync(asOwner, pipeline.GetProperty("pipelineId").GetGuid(), await SalesTeam.CreateCustomerAsync(api.Database.DataSource, owner.TenantId));

        using var note = await SalesTeam.SendAsync(asOwner, HttpMethod.Post, $"/api/opportunities/{id}/notes", new { text = "Quiere financiación a 36 meses" });
        note.StatusCode.Should().Be(HttpStatusCode.Created);
        using var later = await SalesTeam.SendAsync(asOwner, HttpMethod.Post, $"/api/opportunities/{id}/activities",
            new { type = "call", subject = "Llamar por la prueba de manejo", dueAt = DateTimeOffset.UtcNow.AddDays(2) });
        using var overdue = await SalesTeam.SendAsync(asOwner, HttpMethod.Post, $"/api/opportunities/{id}/activities",
            new { type = "visit", subject = "Visita al concesionario", dueAt = DateTimeOffset.UtcNow.AddHours(-3) });
        using var assigned = await SalesTeam.SendAsync(asOwner, HttpMethod.Post, $"/api/opportunities/{id}/activities",
            new { type = "email", subject = "Enviar cotización", dueAt = DateTimeOffset.UtcNow.AddDays(1), assigneeId = sales.UserId });
        using var badType = await SalesTeam.SendAsync(asOwner, HttpMethod.Post, $"/api/opportunities/{id}/activities", new { type = "fax", subject = "x", dueAt = DateTimeOffset.UtcNow });
        badType.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var overdueId = (await TestAccounts.ReadJsonAsync(overdue)).GetProperty("itemId").GetGuid();
        var assignedId = (await TestAccounts.ReadJsonAsync(assigned)).GetProperty("itemId").GetGuid();

        var mine = await SalesTeam.EventuallyAsync(asOwner, "/api/me/tasks", j => j.GetProperty("items").GetArrayLength() == 2);
        mine.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("subject").GetString()).Should().Equal("Visita al concesionario", "Llamar por la prueba de manejo");
        mine.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("overdue").GetBoolean()).Should().Equal(true, false);
        var theirs = await SalesTeam.EventuallyAsync(asSales, "/api/me/tasks", j => j.GetProperty("items").GetArrayLength() == 1);
        theirs.GetProperty("items")[0].GetProperty("opportunityTitle").GetString().Should().Be("Hilux para la finca");

        using var completed = await SalesTeam.SendAsync(asOwner, HttpMethod.Post, $"/api/opportunities/{id}/activities/{overdueId}/complete");
        completed.StatusCode.Should().Be(HttpStatusCode.OK);
        using var completedBySales = await SalesTeam.SendAsync(asSales, HttpMethod.Post, $"/api/opportunities/{id}/activities/{assignedId}/complete");
        completedBySales.StatusCode.Should().Be(HttpStatusCode.OK, "the assignee completes their activity on someone else's opportunity");
        await SalesTeam.EventuallyAsync(asOwner, "/api/me/tasks", j => j.GetProperty("items").GetArrayLength() == 1);
        await SalesTeam.EventuallyAsync(asSales, "/api/me/tasks", j => j.GetProperty("items").GetArrayLength() == 0);

        var detail = await TestAccounts.ReadJsonAsync(await asOwner.GetAsync(new Uri($"/api/opportunities/{id}", UriKind.Relative)));
        detail.GetProperty("notes")[0].GetProperty("text").GetString().Should().Be("Quiere financiación a 36 meses");
        detail.GetProperty("activities").EnumerateArray().Count(a => a.GetProperty("done").GetBoolean()).Should().Be(2);
    }

    [Fact]
    public async Task History_gives_the_time_in_each_stage_with_the_current_one_running()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var pipeline = await SalesTeam.SeededPipelineAsync(client);
        var id = await SalesTeam.OpenAsync(client, pipeline.GetProperty("pipelineId").GetGuid(), await SalesTeam.CreateCustomerAsync(api.Database.DataSource, owner.TenantId));
        foreach (var stage in new[] { "Contactado", "Nuevo", "Propuesta" })
        {
            using var moved = await SalesTeam.SendAsync(client, HttpMethod.Put, $"/api/opportunities/{id}/stage", new { stageId = SalesTeam.StageId(pipeline, stage) });
            moved.StatusCode.Should().Be(HttpStatusCode.OK);
        }
        // Recorded times are the database's; spread them out as days passing would.
        await api.ExecuteAsync("""
            update events set recorded_at = recorded_at - make_interval(days => (4 - version)::int * 2)
             where tenant_id = $1 and stream_id = $2
            """, owner.TenantId, $"opportunity-{id:D}");

        using var response = await client.GetAsync(new Uri($"/api/opportunities/{id}/history", UriKind.Relative));
        response.Headers.ETag!.Tag.Should().Be("\"4\"");
        var history = await TestAccounts.ReadJsonAsync(response);
        var visits = history.GetProperty("visits").EnumerateArray().ToList();
        visits.Select(v => v.GetProperty("stageName").GetString()).Should().Equal("Nuevo", "Contactado", "Nuevo", "Propuesta");
        visits.Take(3).Select(v => v.GetProperty("days").GetDouble()).Should().AllSatisfy(d => d.Should().BeApproximately(2, 0.01));
        visits[3].GetProperty("leftAt").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        var nuevo = history.GetProperty("timeInStage").EnumerateArray().Single(t => t.GetProperty("stageName").GetString() == "Nuevo");
        nuevo.GetProperty("visits").GetInt32().Should().Be(2);
        nuevo.GetProperty("days").GetDouble().Should().BeApproximately(4, 0.02);
    }
}

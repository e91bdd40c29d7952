using System.Net;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Pipeline;

public sealed class PipelineBoardTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    [Fact]
    public async Task Columns_count_sum_and_weigh_their_opportunities_and_flag_idle_ones_as_rotting()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var pipeline = await SalesTeam.SeededPipelineAsync(client);
        var pipelineId = pipeline.GetProperty("pipelineId").GetGuid();
        var customer = await SalesTeam.CreateCustomerAsync(api.Database.DataSource, owner.TenantId);
        var fresh = await SalesTeam.OpenAsync(client, pipelineId, customer, 100_000_000m);
        var idle = await SalesTeam.OpenAsync(client, pipelineId, customer, 50_000_000m);
        var dollars = await SalesTeam.OpenAsync(client, pipelineId, customer, 20_000m, new { currency = "USD" });
        var won = await SalesTeam.OpenAsync(client, pipelineId, customer, 80_000_000m);
        using (var win = await SalesTeam.SendAsync(client, HttpMethod.Post, $"/api/opportunities/{won}/win", new { amount = 78_000_000 })) win.EnsureSuccessStatusCode();
        var path = $"/api/pipelines/{pipelineId}/board";
        await SalesTeam.EventuallyAsync(client, path, b => b.GetProperty("columns")[5].GetProperty("count").GetInt64() == 1 && b.GetProperty("columns")[0].GetProperty("count").GetInt64() == 3);
        // "Nuevo" rots after 3 idle days in the dealership template: the card last touched 4 days ago rots.
        await api.ExecuteAsync(
            "update pipeline_opportunities set stage_entered_at = now() - interval '4 days', last_activity_at = now() - interval '4 days' where tenant_id = $1 and opportunity_id = $2",
            owner.TenantId, idle);

        var board = await SalesTeam.EventuallyAsync(client, path, _ => true);
        var columns = board.GetProperty("columns").EnumerateArray().ToList();
        columns.Select(c => c.GetProperty("name").GetString()).Should().Equal("Nuevo", "Contactado", "Prueba de manejo", "Propuesta", "Negociación", "Ganado", "Perdido");
        var nuevo = columns[0];
        nuevo.GetProperty("count").GetInt64().Should().Be(3);
        nuevo.GetProperty("rotting").GetInt64().Should().Be(1);
        var cop = nuevo.GetProperty("totals").EnumerateArray().Single(t => t.GetProperty("currency").GetString() == "COP");
        cop.GetProperty("value").GetDecimal().Should().Be(150_000_000m);
        cop.GetProperty("weightedValue").GetDecimal().Should().Be(15_000_000m);
        nuevo.GetProperty("totals").EnumerateArray().Single(t => t.GetProperty("currency").GetString() == "USD").GetProperty("weightedValue").GetDecimal().Should().Be(2_000m);
        var cards = nuevo.GetProperty("cards").EnumerateArray().ToDictionary(c => c.GetProperty("opportunityId").GetGuid());
        cards[idle].GetProperty("rotting").GetBoolean().Should().BeTrue();
        cards[idle].GetProperty("idleDays").GetDouble().Should().BeGreaterThan(3.9);
        cards[fresh].GetProperty("rotting").GetBoolean().Should().BeFalse();
        cards[dollars].GetProperty("currency").GetString().Should().Be("USD");
        columns[5].GetProperty("totals")[0].GetProperty("weightedValue").GetDecimal().Should().Be(78_000_000m);
        columns[5].GetProperty("cards")[0].GetProperty("rotting").GetBoolean().Should().BeFalse();

        using var missing = await client.GetAsync(new Uri($"/api/pipelines/{Guid.NewGuid()}/board", UriKind.Relative));
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_stage_with_an_open_opportunity_is_not_removed_nor_its_pipeline_archived()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var pipeline = await SalesTeam.SeededPipelineAsync(client);
        var pipelineId = pipeline.GetProperty("pipelineId").GetGuid();
        var id = await SalesTeam.OpenAsync(client, pipelineId, await SalesTeam.CreateCustomerAsync(api.Database.DataSource, owner.TenantId));

        using var remove = await SalesTeam.SendAsync(client, HttpMethod.Delete, $"/api/pipelines/{pipelineId}/stages/{SalesTeam.StageId(pipeline, "Nuevo")}");
        remove.StatusCode.Should().Be(HttpStatusCode.Conflict);
        using var archive = await SalesTeam.SendAsync(client, HttpMethod.Patch, $"/api/pipelines/{pipelineId}", new { archived = true });
        archive.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await archive.Content.ReadAsStringAsync()).Should().Contain("\"openOpportunities\":1");

        using var lost = await SalesTeam.SendAsync(client, HttpMethod.Post, $"/api/opportunities/{id}/lose", new { reason = "Precio" });
        lost.StatusCode.Should().Be(HttpStatusCode.OK);
        using var removed = await SalesTeam.SendAsync(client, HttpMethod.Delete, $"/api/pipelines/{pipelineId}/stages/{SalesTeam.StageId(pipeline, "Nuevo")}");
        removed.StatusCode.Should().Be(HttpStatusCode.OK);
        using var archived = await SalesTeam.SendAsync(client, HttpMethod.Patch, $"/api/pipelines/{pipelineId}", new { archived = true });
        archived.StatusCode.Should().Be(HttpStatusCode.OK);
        using var openInArchived = await SalesTeam.SendAsync(client, HttpMethod.Post, "/api/opportunities",
            new { pipelineId, customerId = await SalesTeam.CreateCustomerAsync(api.Database.DataSource, owner.TenantId), title = "X", value = 1 });
        openInArchived.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }
}

using System.Net;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Pipeline;

public sealed class OpportunityApiTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    [Fact]
    public async Task An_opportunity_opens_for_a_customer_in_the_first_stage_and_reads_back_with_its_etag()
    {
        var (owner, pipeline, customer) = await StartAsync();
        using var client = api.Client.WithBearer(owner);

        using var opened = await SalesTeam.SendAsync(client, HttpMethod.Post, "/api/opportunities", new
        {
            pipelineId = pipeline.GetProperty("pipelineId").GetGuid(), customerId = customer, title = "Corolla híbrido", value = 120_000_000,
            expectedCloseDate = "2026-12-20",
        });
        opened.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await TestAccounts.ReadJsonAsync(opened)).GetProperty("opportunityId").GetGuid();
        opened.Headers.Location!.ToString().Should().Be($"/api/opportunities/{id:D}");

        using var read = await client.GetAsync(new Uri($"/api/opportunities/{id}", UriKind.Relative));
        read.Headers.ETag!.Tag.Should().Be("\"1\"");
        var json = await TestAccounts.ReadJsonAsync(read);
        json.GetProperty("stageName").GetString().Should().Be("Nuevo");
        json.GetProperty("status").GetString().Should().Be("open");
        json.GetProperty("value").GetProperty("currency").GetString().Should().Be("COP");
        (json.TryGetProperty("leadId", out var lead) ? lead.ValueKind : System.Text.Json.JsonValueKind.Null)
            .Should().Be(System.Text.Json.JsonValueKind.Null, "opened for a customer, not from a lead");
        json.GetProperty("expectedCloseDate").GetString().Should().Be("2026-12-20");
    }

    [Fact]
    public async Task A_missing_customer_is_404_and_an_owner_outside_the_tenant_is_refused_by_field()
    {
        var (owner, pipeline, customer) = await StartAsync();
        using var client = api.Client.WithBearer(owner);
        var pipelineId = pipeline.GetProperty("pipelineId").GetGuid();
        var stranger = await TestAccounts.RegisterTenantAsync(api.Client);

        using var noCustomer = await SalesTeam.SendAsync(client, HttpMethod.Post, "/api/opportunities", new { pipelineId, customerId = Guid.NewGuid(), title = "X", value = 1 });
        noCustomer.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await noCustomer.Content.ReadAsStringAsync()).Should().Contain("el cliente");
        using var foreignCustomer = await SalesTeam.SendAsync(client, HttpMethod.Post, "/api/opportunities", new
        {
            pipelineId, customerId = await SalesTeam.CreateCustomerAsync(api.Database.DataSource, stranger.TenantId), title = "X", value = 1,
        });
        foreignCustomer.StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var foreignOwner = await SalesTeam.SendAsync(client, HttpMethod.Post, "/api/opportunities", new { pipelineId, customerId = customer, title = "X", value = 1, ownerId = stranger.UserId });
        foreignOwner.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await foreignOwner.Content.ReadAsStringAsync()).Should().Contain("ownerId");
    }

    [Fact]
    public async Task Moves_take_if_match_and_won_and_lost_are_reached_only_by_winning_or_losing()
    {
        var (owner, pipeline, customer) = await StartAsync();
        using var client = api.Client.WithBearer(owner);
        var id = await SalesTeam.OpenAsync(client, pipeline.GetProperty("pipelineId").GetGuid(), customer);

        using var moved = await SalesTeam.SendAsync(client, HttpMethod.Put, $"/api/opportunities/{id}/stage", new { stageId = SalesTeam.StageId(pipeline, "Contactado") }, "\"1\"");
        moved.StatusCode.Should().Be(HttpStatusCode.OK);
        moved.Headers.ETag!.Tag.Should().Be("\"2\"");
        using var stale = await SalesTeam.SendAsync(client, HttpMethod.Put, $"/api/opportunities/{id}/stage", new { stageId = SalesTeam.StageId(pipeline, "Propuesta") }, "\"1\"");
        stale.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        using var toWon = await SalesTeam.SendAsync(client, HttpMethod.Put, $"/api/opportunities/{id}/stage", new { stageId = SalesTeam.StageId(pipeline, "Ganado") }, "\"2\"");
        toWon.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        using var nowhere = await SalesTeam.SendAsync(client, HttpMethod.Put, $"/api/opportunities/{id}/stage", new { stageId = Guid.NewGuid() });
        nowhere.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Lost_needs_a_tenant_reason_reopens_and_is_then_won()
    {
        var (owner, pipeline, customer) = await StartAsync();
        using var client = api.Client.WithBearer(owner);
        var id = await SalesTeam.OpenAsync(client, pipeline.GetProperty("pipelineId").GetGuid(), customer);

        using var noReason = await SalesTeam.SendAsync(client, HttpMethod.Post, $"/api/opportunities/{id}/lose", new { });
        noReason.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var unknown = await SalesTeam.SendAsync(client, HttpMethod.Post, $"/api/opportunities/{id}/lose", new { reason = "Mala suerte" });
        unknown.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        using var lost = await SalesTeam.SendAsync(client, HttpMethod.Post, $"/api/opportunities/{id}/lose", new { reason = "sin financiamiento" }, "\"1\"");
        lost.StatusCode.Should().Be(HttpStatusCode.OK);
        using var moveLost = await SalesTeam.SendAsync(client, HttpMethod.Put, $"/api/opportunities/{id}/stage", new { stageId = SalesTeam.StageId(pipeline, "Propuesta") });
        moveLost.StatusCode.Should().Be(HttpStatusCode.Conflict);

        using var reopened = await SalesTeam.SendAsync(client, HttpMethod.Post, $"/api/opportunities/{id}/reopen", new { stageId = SalesTeam.StageId(pipeline, "Propuesta") }, "\"2\"");
        reopened.StatusCode.Should().Be(HttpStatusCode.OK);
        using var won = await SalesTeam.SendAsync(client, HttpMethod.Post, $"/api/opportunities/{id}/win", new { amount = 91_500_000 }, "\"3\"");
        won.StatusCode.Should().Be(HttpStatusCode.OK);
        using var reopenWon = await SalesTeam.SendAsync(client, HttpMethod.Post, $"/api/opportunities/{id}/reopen", new { stageId = SalesTeam.StageId(pipeline, "Nuevo") });
        reopenWon.StatusCode.Should().Be(HttpStatusCode.Conflict);

        var json = await TestAccounts.ReadJsonAsync(await client.GetAsync(new Uri($"/api/opportunities/{id}", UriKind.Relative)));
        json.GetProperty("status").GetString().Should().Be("won");
        json.GetProperty("wonAmount").GetProperty("amount").GetDecimal().Should().Be(91_500_000m);
        var listed = await SalesTeam.EventuallyAsync(client, $"/api/opportunities?status=won&customerId={customer}", j => j.GetProperty("items").GetArrayLength() == 1);
        listed.GetProperty("items")[0].GetProperty("stageName").GetString().Should().Be("Ganado");
    }

    [Fact]
    public async Task Changes_to_title_value_owner_and_close_date_are_recorded()
    {
        var (owner, pipeline, customer) = await StartAsync();
        using var client = api.Client.WithBearer(owner);
        var admin = await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, owner.TenantId, "admin");
        var id = await SalesTeam.OpenAsync(client, pipeline.GetProperty("pipelineId").GetGuid(), customer);

        using var changed = await SalesTeam.SendAsync(client, HttpMethod.Patch, $"/api/opportunities/{id}",
            new { title = "Hilux 4x4", value = 99_000_000, ownerId = admin.UserId, expectedCloseDate = "2027-01-31" }, "\"1\"");
        changed.StatusCode.Should().Be(HttpStatusCode.OK);
        changed.Headers.ETag!.Tag.Should().Be("\"5\"");

        var json = await TestAccounts.ReadJsonAsync(await client.GetAsync(new Uri($"/api/opportunities/{id}", UriKind.Relative)));
        json.GetProperty("title").GetString().Should().Be("Hilux 4x4");
        json.GetProperty("ownerId").GetGuid().Should().Be(admin.UserId);
        json.GetProperty("value").GetProperty("amount").GetDecimal().Should().Be(99_000_000m);
        using var bad = await SalesTeam.SendAsync(client, HttpMethod.Patch, $"/api/opportunities/{id}", new { value = -5, currency = "XXX1" });
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_sales_user_works_only_their_own_opportunities()
    {
        var (owner, pipeline, customer) = await StartAsync();
        using var client = api.Client.WithBearer(owner);
        var sales = await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, owner.TenantId, "sales");
        using var asSales = api.Client.WithBearer(sales);
        var pipelineId = pipeline.GetProperty("pipelineId").GetGuid();
        var theirs = await SalesTeam.OpenAsync(client, pipelineId, customer);
        var mine = await SalesTeam.OpenAsync(asSales, pipelineId, customer);

        using var moveTheirs = await SalesTeam.SendAsync(asSales, HttpMethod.Put, $"/api/opportunities/{theirs}/stage", new { stageId = SalesTeam.StageId(pipeline, "Contactado") });
        moveTheirs.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using var moveMine = await SalesTeam.SendAsync(asSales, HttpMethod.Put, $"/api/opportunities/{mine}/stage", new { stageId = SalesTeam.StageId(pipeline, "Contactado") });
        moveMine.StatusCode.Should().Be(HttpStatusCode.OK);
        using var forOthers = await SalesTeam.SendAsync(asSales, HttpMethod.Post, "/api/opportunities", new { pipelineId, customerId = customer, title = "X", value = 1, ownerId = Guid.NewGuid() });
        forOthers.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using var read = await asSales.GetAsync(new Uri($"/api/opportunities/{theirs}", UriKind.Relative));
        read.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private async Task<(TestAccount Owner, System.Text.Json.JsonElement Pipeline, Guid Customer)> StartAsync()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        return (owner, await SalesTeam.SeededPipelineAsync(client), await SalesTeam.CreateCustomerAsync(api.Database.DataSource, owner.TenantId));
    }
}

using System.Net;
using System.Net.Http.Json;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Pipeline;

public sealed class PipelineApiTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    private static readonly string[] NewReasons = ["Precio", "Crédito negado"];
    private static readonly string[] OtherReasons = ["Otro"];

    [Fact]
    public async Task Sign_up_seeds_the_industrys_pipeline_and_the_lost_reasons()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);

        var pipeline = await SalesTeam.SeededPipelineAsync(client);
        pipeline.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("name").GetString())
            .Should().Equal("Nuevo", "Contactado", "Prueba de manejo", "Propuesta", "Negociación", "Ganado", "Perdido");
        using var reasons = await client.GetAsync(new Uri("/api/pipeline/lost-reasons", UriKind.Relative));
        reasons.Headers.ETag!.Tag.Should().Be("\"1\"");
        (await TestAccounts.ReadJsonAsync(reasons)).GetProperty("reasons").EnumerateArray().Select(r => r.GetString())
            .Should().Equal("Precio", "Eligió otro proveedor", "Sin financiamiento", "No responde", "Otro");
    }

    [Fact]
    public async Task A_pipeline_is_created_renamed_with_its_etag_and_archived()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);

        using var created = await client.PostAsJsonAsync(new Uri("/api/pipelines", UriKind.Relative), new { name = "Arriendos", template = "real-estate" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await TestAccounts.ReadJsonAsync(created)).GetProperty("pipelineId").GetGuid();
        using var read = await client.GetAsync(new Uri($"/api/pipelines/{id}", UriKind.Relative));
        read.Headers.ETag!.Tag.Should().Be("\"1\"");
        (await TestAccounts.ReadJsonAsync(read)).GetProperty("stages")[2].GetProperty("name").GetString().Should().Be("Visita");

        using var renamed = await SalesTeam.SendAsync(client, HttpMethod.Patch, $"/api/pipelines/{id}", new { name = "Arriendos 2027" }, "\"1\"");
        renamed.StatusCode.Should().Be(HttpStatusCode.OK);
        renamed.Headers.ETag!.Tag.Should().Be("\"2\"");
        using var stale = await SalesTeam.SendAsync(client, HttpMethod.Patch, $"/api/pipelines/{id}", new { name = "Otra" }, "\"1\"");
        stale.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        using var archived = await SalesTeam.SendAsync(client, HttpMethod.Patch, $"/api/pipelines/{id}", new { archived = true }, "\"2\"");
        archived.StatusCode.Should().Be(HttpStatusCode.OK);

        await SalesTeam.EventuallyAsync(client, "/api/pipelines?includeArchived=true", json => json.GetProperty("items").EnumerateArray()
            .Any(p => p.GetProperty("pipelineId").GetGuid() == id && p.GetProperty("archived").GetBoolean() && p.GetProperty("name").GetString() == "Arriendos 2027"));
        var active = await SalesTeam.EventuallyAsync(client, "/api/pipelines", _ => true);
        active.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("pipelineId").GetGuid()).Should().NotContain(id);
    }

    [Fact]
    public async Task A_pipeline_without_exactly_one_won_and_one_lost_stage_is_refused()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);

        using var response = await client.PostAsJsonAsync(new Uri("/api/pipelines", UriKind.Relative), new
        {
            name = "Incompleto",
            stages = new object[] { new { name = "Nuevo", probability = 10, color = "#123456" }, new { name = "Ganado", probability = 100, color = "#00ff00", kind = "won" } },
        });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).Should().Contain("won-lost-stages");
    }

    [Fact]
    public async Task Stages_are_added_changed_reordered_and_removed()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var pipeline = await SalesTeam.SeededPipelineAsync(client);
        var id = pipeline.GetProperty("pipelineId").GetGuid();

        using var added = await SalesTeam.SendAsync(client, HttpMethod.Post, $"/api/pipelines/{id}/stages",
            new { name = "Financiación", probability = 70, color = "#AA00FF", expectedDays = 5, rottingDays = 4, order = 5 }, "\"1\"");
        added.StatusCode.Should().Be(HttpStatusCode.Created);
        var stageId = (await TestAccounts.ReadJsonAsync(added)).GetProperty("stageId").GetGuid();
        using var changed = await SalesTeam.SendAsync(client, HttpMethod.Put, $"/api/pipelines/{id}/stages/{stageId}",
            new { name = "Crédito", probability = 75, color = "#aa00ff", expectedDays = 6, rottingDays = 3 }, "\"2\"");
        changed.StatusCode.Should().Be(HttpStatusCode.OK);

        using var stages = await client.GetAsync(new Uri($"/api/pipelines/{id}/stages", UriKind.Relative));
        stages.Headers.ETag!.Tag.Should().Be("\"3\"");
        var list = (await TestAccounts.ReadJsonAsync(stages)).EnumerateArray().ToList();
        list[4].GetProperty("name").GetString().Should().Be("Crédito");
        list[4].GetProperty("order").GetInt32().Should().Be(5);
        list[4].GetProperty("rottingDays").GetInt32().Should().Be(3);

        var reordered = list.Select(s => s.GetProperty("stageId").GetGuid()).Reverse().ToList();
        using var order = await SalesTeam.SendAsync(client, HttpMethod.Put, $"/api/pipelines/{id}/stages/order", new { stageIds = reordered }, "\"3\"");
        order.StatusCode.Should().Be(HttpStatusCode.OK);
        using var removed = await SalesTeam.SendAsync(client, HttpMethod.Delete, $"/api/pipelines/{id}/stages/{stageId}", ifMatch: "\"4\"");
        removed.StatusCode.Should().Be(HttpStatusCode.OK);

        var final = await SalesTeam.EventuallyAsync(client, "/api/pipelines", json => json.GetProperty("items")[0].GetProperty("stages").GetArrayLength() == 7);
        final.GetProperty("items")[0].GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("order").GetInt32()).Should().Equal(1, 2, 3, 4, 5, 6, 7);
        final.GetProperty("items")[0].GetProperty("stages")[0].GetProperty("name").GetString().Should().Be("Perdido");
    }

    [Fact]
    public async Task Bad_stages_are_refused_naming_the_field_and_won_lost_stay()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var pipeline = await SalesTeam.SeededPipelineAsync(client);
        var id = pipeline.GetProperty("pipelineId").GetGuid();

        using var color = await SalesTeam.SendAsync(client, HttpMethod.Post, $"/api/pipelines/{id}/stages", new { name = "Rojo", probability = 101, color = "rojo" });
        color.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await color.Content.ReadAsStringAsync();
        problem.Should().Contain("\"color\"").And.Contain("\"probability\"");
        using var won = await SalesTeam.SendAsync(client, HttpMethod.Delete, $"/api/pipelines/{id}/stages/{SalesTeam.StageId(pipeline, "Ganado")}");
        won.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        using var missing = await SalesTeam.SendAsync(client, HttpMethod.Delete, $"/api/pipelines/{id}/stages/{Guid.NewGuid()}");
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Owners_change_the_lost_reasons_and_sales_and_viewers_only_read_pipelines()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        var sales = await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, owner.TenantId, "sales");
        var viewer = await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, owner.TenantId, "viewer");
        using var asOwner = api.Client.WithBearer(owner);
        using var asSales = api.Client.WithBearer(sales);
        using var asViewer = api.Client.WithBearer(viewer);

        using var changed = await SalesTeam.SendAsync(asOwner, HttpMethod.Put, "/api/pipeline/lost-reasons", new { reasons = NewReasons }, "\"1\"");
        changed.StatusCode.Should().Be(HttpStatusCode.OK);
        changed.Headers.ETag!.Tag.Should().Be("\"2\"");
        using var bySales = await SalesTeam.SendAsync(asSales, HttpMethod.Put, "/api/pipeline/lost-reasons", new { reasons = OtherReasons });
        bySales.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using var byViewer = await asViewer.PostAsJsonAsync(new Uri("/api/pipelines", UriKind.Relative), new { name = "Mío" });
        byViewer.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await SalesTeam.SeededPipelineAsync(asViewer)).GetProperty("name").GetString().Should().Be("Ventas de vehículos");
        using var reasons = await asSales.GetAsync(new Uri("/api/pipeline/lost-reasons", UriKind.Relative));
        (await TestAccounts.ReadJsonAsync(reasons)).GetProperty("reasons").GetArrayLength().Should().Be(2);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Customers;

public sealed class CustomFieldApiTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    private static readonly string[] Colors = ["Rojo", "Azul"];

    [Fact]
    public async Task Values_are_validated_against_the_fields_stored_canonically_and_filterable()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        await DefineAsync(client, new { key = "presupuesto", label = "Presupuesto", type = "number", required = true, position = 1 });
        await DefineAsync(client, new { key = "color", label = "Color", type = "dropdown", required = false, position = 2, options = Colors });

        var missing = CustomerRequests.Body();
        using var refused = await client.PostAsJsonAsync(new Uri("/api/customers", UriKind.Relative), missing);
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await TestAccounts.ReadJsonAsync(refused)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Contain("fields.presupuesto");

        var bad = CustomerRequests.Body();
        bad["fields"] = new JsonObject { ["presupuesto"] = "mucho", ["color"] = "verde" };
        using var invalid = await client.PostAsJsonAsync(new Uri("/api/customers", UriKind.Relative), bad);
        (await TestAccounts.ReadJsonAsync(invalid)).GetProperty("errors").EnumerateObject().Select(e => e.Name)
            .Should().BeEquivalentTo(["fields.presupuesto", "fields.color"]);

        var good = CustomerRequests.Body();
        good["fields"] = new JsonObject { ["presupuesto"] = 25000000, ["color"] = "azul" };
        var id = await CustomerRequests.CreateAsync(client, good);
        var other = CustomerRequests.Body("Ana Gómez", "310 222 3344");
        other["fields"] = new JsonObject { ["presupuesto"] = "9000" };
        await CustomerRequests.CreateAsync(client, other);

        var customer = await CustomerRequests.GetJsonAsync(client, $"/api/customers/{id}");
        customer.GetProperty("fields").GetProperty("color").GetString().Should().Be("Azul");
        customer.GetProperty("fields").GetProperty("presupuesto").GetString().Should().Be("25000000");
        CustomerRequests.Ids(await CustomerRequests.GetJsonAsync(client, "/api/customers?field=color:Azul")).Should().Equal(id);
        CustomerRequests.Ids(await CustomerRequests.GetJsonAsync(client, "/api/customers?field=color:Azul&field=presupuesto:9000")).Should().BeEmpty();
    }

    [Fact]
    public async Task Fields_are_listed_in_order_changed_with_if_match_and_removed_fields_disappear()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var vip = await DefineAsync(client, new { key = "vip", label = "VIP", type = "boolean", required = false, position = 5 });
        await DefineAsync(client, new { key = "nacimiento", label = "Nacimiento", type = "date", required = false, position = 1 });
        using var duplicate = await client.PostAsJsonAsync(new Uri("/api/custom-fields", UriKind.Relative), new { key = "vip", label = "Otra", type = "text" });
        duplicate.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var body = CustomerRequests.Body();
        body["fields"] = new JsonObject { ["vip"] = true };
        var customer = await CustomerRequests.CreateAsync(client, body);

        var fields = await CustomerRequests.GetJsonAsync(client, "/api/custom-fields");
        fields.EnumerateArray().Select(f => f.GetProperty("key").GetString()).Should().Equal("nacimiento", "vip");

        var changes = await Task.WhenAll(
            CustomerRequests.SendAsync(client, HttpMethod.Put, $"/api/custom-fields/{vip}", new { label = "Cliente VIP", required = false, position = 0 }, "\"1\""),
            CustomerRequests.SendAsync(client, HttpMethod.Put, $"/api/custom-fields/{vip}", new { label = "Es VIP", required = false, position = 9 }, "\"1\""));
        changes.Select(c => c.StatusCode).Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed]);
        foreach (var change in changes) change.Dispose();

        using var removed = await client.DeleteAsync(new Uri($"/api/custom-fields/{vip}", UriKind.Relative));
        removed.StatusCode.Should().Be(HttpStatusCode.OK);
        using var gone = await client.GetAsync(new Uri($"/api/custom-fields/{vip}", UriKind.Relative));
        gone.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await CustomerRequests.GetJsonAsync(client, $"/api/customers/{customer}")).GetProperty("fields").EnumerateObject().Should().BeEmpty();
    }

    [Fact]
    public async Task Sales_cannot_define_fields_and_bad_definitions_name_the_field()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        var sales = await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, owner.TenantId, "sales");
        using var asSales = api.Client.WithBearer(sales);
        using var client = api.Client.WithBearer(owner);

        using var forbidden = await asSales.PostAsJsonAsync(new Uri("/api/custom-fields", UriKind.Relative), new { key = "x", label = "X", type = "text" });
        forbidden.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using var noOptions = await client.PostAsJsonAsync(new Uri("/api/custom-fields", UriKind.Relative), new { key = "x", label = "X", type = "dropdown" });
        (await TestAccounts.ReadJsonAsync(noOptions)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Contain("options");
        using var badKey = await client.PostAsJsonAsync(new Uri("/api/custom-fields", UriKind.Relative), new { key = "Mi Campo", label = "X", type = "money" });
        (await TestAccounts.ReadJsonAsync(badKey)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Contain(["key", "type"]);
    }

    internal static async Task<Guid> DefineAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/custom-fields", UriKind.Relative), body);
        var json = await TestAccounts.ReadJsonAsync(response);
        if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"Defining a field answered {(int)response.StatusCode}: {json}");
        return json.GetProperty("fieldId").GetGuid();
    }
}

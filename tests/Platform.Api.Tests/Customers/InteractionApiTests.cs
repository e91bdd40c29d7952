using System.Net;
using System.Net.Http.Json;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Customers;

public sealed class InteractionApiTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    [Fact]
    public async Task Interactions_are_logged_listed_most_recent_first_and_paged()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var id = await CustomerRequests.CreateAsync(client);
        var now = DateTimeOffset.UtcNow;

        foreach (var days in new[] { 3, 1, 2 })
        {
            using var logged = await client.PostAsJsonAsync(new Uri($"/api/customers/{id}/interactions", UriKind.Relative),
                new { kind = "call", outcome = "interested", notes = $"hace {days} días", occurredAt = now.AddDays(-days), followUpOn = "2026-12-01" });
            logged.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        var first = await CustomerRequests.GetJsonAsync(client, $"/api/customers/{id}/interactions?limit=2");
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await CustomerRequests.GetJsonAsync(client, $"/api/customers/{id}/interactions?limit=2&cursor={cursor}");
        first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(i => i.GetProperty("notes").GetString()).Should().Equal("hace 1 días", "hace 2 días", "hace 3 días");
        second.GetProperty("items")[0].GetProperty("followUpOn").GetString().Should().Be("2026-12-01");
        var customer = await CustomerRequests.GetJsonAsync(client, $"/api/customers/{id}");
        customer.GetProperty("interactions").GetInt32().Should().Be(3);
        customer.GetProperty("segment").GetString().Should().Be("frequent");
    }

    [Fact]
    public async Task Segments_follow_recency_and_frequency()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var frequent = await CustomerRequests.CreateAsync(client, CustomerRequests.Body("Frecuente", "300 000 0001"));
        var inactive = await CustomerRequests.CreateAsync(client, CustomerRequests.Body("Inactivo", "300 000 0002"));
        var occasional = await CustomerRequests.CreateAsync(client, CustomerRequests.Body("Ocasional", "300 000 0003"));
        foreach (var days in new[] { 10, 40, 80 }) await LogAsync(client, frequent, DateTimeOffset.UtcNow.AddDays(-days));
        await LogAsync(client, inactive, DateTimeOffset.UtcNow.AddDays(-200));
        foreach (var days in new[] { 10, 40, 120 }) await LogAsync(client, occasional, DateTimeOffset.UtcNow.AddDays(-days));

        var overview = await CustomerRequests.GetJsonAsync(client, "/api/customers/segments");
        overview.GetProperty("segments").EnumerateArray().ToDictionary(s => s.GetProperty("segment").GetString()!, s => s.GetProperty("customers").GetInt64())
            .Should().Equal(new Dictionary<string, long> { ["frequent"] = 1, ["occasional"] = 1, ["inactive"] = 1 });
        overview.GetProperty("rules").GetProperty("frequentDays").GetInt32().Should().Be(90);
        CustomerRequests.Ids(await CustomerRequests.GetJsonAsync(client, "/api/customers/segments/frequent")).Should().Equal(frequent);
        CustomerRequests.Ids(await CustomerRequests.GetJsonAsync(client, "/api/customers/segments/inactive")).Should().Equal(inactive);
        CustomerRequests.Ids(await CustomerRequests.GetJsonAsync(client, "/api/customers/segments/occasional")).Should().Equal(occasional);
        using var unknown = await client.GetAsync(new Uri("/api/customers/segments/vip", UriKind.Relative));
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_interactions_name_the_field_and_a_missing_customer_is_404()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var id = await CustomerRequests.CreateAsync(client);

        using var bad = await client.PostAsJsonAsync(new Uri($"/api/customers/{id}/interactions", UriKind.Relative),
            new { kind = "fax", outcome = "meh", occurredAt = DateTimeOffset.UtcNow.AddDays(5) });
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await TestAccounts.ReadJsonAsync(bad)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().BeEquivalentTo(["kind", "outcome", "occurredAt"]);
        using var missing = await client.PostAsJsonAsync(new Uri($"/api/customers/{Guid.CreateVersion7()}/interactions", UriKind.Relative), new { kind = "call" });
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var list = await client.GetAsync(new Uri($"/api/customers/{Guid.CreateVersion7()}/interactions", UriKind.Relative));
        list.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Interactions_logged_at_once_all_land()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var id = await CustomerRequests.CreateAsync(client);

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            client.PostAsJsonAsync(new Uri($"/api/customers/{id}/interactions", UriKind.Relative), new { kind = "note", notes = "nota" })));

        responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Created);
        (await CustomerRequests.GetJsonAsync(client, $"/api/customers/{id}")).GetProperty("interactions").GetInt32().Should().Be(5);
        foreach (var response in responses) response.Dispose();
    }

    private static async Task LogAsync(HttpClient client, Guid customer, DateTimeOffset at)
    {
        using var response = await client.PostAsJsonAsync(new Uri($"/api/customers/{customer}/interactions", UriKind.Relative), new { kind = "visit", occurredAt = at });
        response.StatusCode.Should().Be(HttpStatusCode.Created);
    }
}

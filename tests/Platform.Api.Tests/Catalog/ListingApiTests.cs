using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Catalog;

public sealed class ListingApiTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    [Fact]
    public async Task A_listing_is_created_as_a_draft_read_back_with_its_etag_and_listed()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);

        using var created = await client.PostAsJsonAsync(new Uri("/api/listings", UriKind.Relative), ListingSamples.Vehicle());
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await TestAccounts.ReadJsonAsync(created)).GetProperty("listingId").GetGuid();
        created.Headers.Location!.ToString().Should().Be($"/api/listings/{id:D}");

        using var read = await client.GetAsync(new Uri($"/api/listings/{id}", UriKind.Relative));
        read.Headers.ETag!.Tag.Should().Be("\"1\"");
        var listing = await TestAccounts.ReadJsonAsync(read);
        listing.GetProperty("status").GetString().Should().Be("draft");
        listing.GetProperty("content").GetProperty("vehicle").GetProperty("brand").GetString().Should().Be("Toyota");

        using var list = await client.GetAsync(new Uri("/api/listings?status=draft", UriKind.Relative));
        var items = (await TestAccounts.ReadJsonAsync(list)).GetProperty("items");
        items.EnumerateArray().Select(i => i.GetProperty("listingId").GetGuid()).Should().Equal(id);
    }

    [Fact]
    public async Task Price_changes_keep_their_history_and_a_stale_if_match_is_412()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var id = await CreateAsync(client);

        using var first = await PutAsync(client, $"/api/listings/{id}/price", new { amount = 175_000_000, currency = "COP" }, "\"1\"");
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        first.Headers.ETag!.Tag.Should().Be("\"2\"");
        using var stale = await PutAsync(client, $"/api/listings/{id}/price", new { amount = 170_000_000, currency = "COP" }, "\"1\"");
        stale.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);

        using var read = await client.GetAsync(new Uri($"/api/listings/{id}", UriKind.Relative));
        var history = (await TestAccounts.ReadJsonAsync(read)).GetProperty("priceHistory").EnumerateArray().Select(p => p.GetProperty("amount").GetDecimal());
        history.Should().Equal(182_000_000m, 175_000_000m);
    }

    [Fact]
    public async Task Status_follows_the_allowed_transitions()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var id = await CreateAsync(client);

        using var sold = await PutAsync(client, $"/api/listings/{id}/status", new { status = "sold" });
        sold.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await TestAccounts.ReadJsonAsync(sold)).GetProperty("type").GetString().Should().Be("/problems/invalid-status-transition");
        using var published = await PutAsync(client, $"/api/listings/{id}/status", new { status = "published" });
        published.StatusCode.Should().Be(HttpStatusCode.OK);
        using var nowSold = await PutAsync(client, $"/api/listings/{id}/status", new { status = "sold" });
        nowSold.StatusCode.Should().Be(HttpStatusCode.OK);
        using var reprice = await PutAsync(client, $"/api/listings/{id}/price", new { amount = 1, currency = "COP" });
        reprice.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("title", "", "title")]
    [InlineData("kind", "boat", "kind")]
    [InlineData("images", "[\"ftp://x/y.jpg\"]", "images[0]")]
    [InlineData("vehicle", null, "vehicle")]
    [InlineData("property", "{\"operation\":\"sale\",\"type\":\"house\"}", "property")]
    public async Task Bad_listings_are_refused_naming_the_field_and_store_nothing(string field, string? json, string named)
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var body = ListingSamples.Vehicle();
        body[field] = json is null ? null : json.StartsWith('[') || json.StartsWith('{') ? System.Text.Json.Nodes.JsonNode.Parse(json) : json;

        using var response = await client.PostAsJsonAsync(new Uri("/api/listings", UriKind.Relative), body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await TestAccounts.ReadJsonAsync(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Contain(named);
        (await api.ScalarAsync<long>("select count(*) from listings where tenant_id = $1", owner.TenantId)).Should().Be(0);
    }

    [Fact]
    public async Task A_viewer_reads_but_cannot_create()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        var viewer = await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, owner.TenantId, "viewer");
        using var client = api.Client.WithBearer(viewer);

        using var create = await client.PostAsJsonAsync(new Uri("/api/listings", UriKind.Relative), ListingSamples.Vehicle());
        create.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using var list = await client.GetAsync(new Uri("/api/listings", UriKind.Relative));
        list.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static async Task<Guid> CreateAsync(HttpClient client)
    {
        using var created = await client.PostAsJsonAsync(new Uri("/api/listings", UriKind.Relative), ListingSamples.Vehicle());
        return (await TestAccounts.ReadJsonAsync(created)).GetProperty("listingId").GetGuid();
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string path, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body, options: JsonSerializerOptions.Web) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }
}

using System.Net;
using System.Net.Http.Json;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Catalog;

public sealed class ReferenceListTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    [Fact]
    public async Task A_dealership_starts_with_brands_and_models_and_vehicles_must_name_them()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);

        using var brands = await client.GetAsync(new Uri("/api/catalog/reference-lists/brands", UriKind.Relative));
        (await TestAccounts.ReadJsonAsync(brands)).GetProperty("items").EnumerateArray().Select(b => b.GetProperty("value").GetString())
            .Should().Contain(["Toyota", "Chevrolet", "Renault"]);

        var unknownBrand = ListingSamples.Vehicle();
        unknownBrand["vehicle"]!["brand"] = "Lada";
        using var refused = await client.PostAsJsonAsync(new Uri("/api/listings", UriKind.Relative), unknownBrand);
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await TestAccounts.ReadJsonAsync(refused)).GetProperty("errors").TryGetProperty("vehicle.brand", out _).Should().BeTrue();

        var unknownModel = ListingSamples.Vehicle();
        unknownModel["vehicle"]!["model"] = "Supra";
        using var refusedModel = await client.PostAsJsonAsync(new Uri("/api/listings", UriKind.Relative), unknownModel);
        (await TestAccounts.ReadJsonAsync(refusedModel)).GetProperty("errors").TryGetProperty("vehicle.model", out _).Should().BeTrue();
    }

    [Fact]
    public async Task The_tenant_replaces_its_list_with_if_match_and_the_new_brand_is_accepted()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        using var read = await client.GetAsync(new Uri("/api/catalog/reference-lists/brands", UriKind.Relative));
        var etag = read.Headers.ETag!.Tag;

        var body = new { items = new[] { new { value = "Lada", label = "Lada" } } };
        using var change = new HttpRequestMessage(HttpMethod.Put, new Uri("/api/catalog/reference-lists/brands", UriKind.Relative)) { Content = JsonContent.Create(body) };
        change.Headers.TryAddWithoutValidation("If-Match", etag);
        using var changed = await client.SendAsync(change);
        changed.StatusCode.Should().Be(HttpStatusCode.NoContent);
        using var stale = new HttpRequestMessage(HttpMethod.Put, new Uri("/api/catalog/reference-lists/brands", UriKind.Relative)) { Content = JsonContent.Create(body) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        (await client.SendAsync(stale)).StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);

        var lada = ListingSamples.Vehicle();
        lada["vehicle"]!["brand"] = "Lada";
        lada["vehicle"]!["model"] = "Niva";
        using var created = await client.PostAsJsonAsync(new Uri("/api/listings", UriKind.Relative), lada);
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        (await client.GetAsync(new Uri("/api/catalog/reference-lists/colors", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}

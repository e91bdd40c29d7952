using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Catalog.Search;

/// <summary>The owner's and admins' settings for search: synonym groups with ETag and If-Match, and network membership.</summary>
public sealed class CatalogSearchSettingsTests(SearchFixture api) : IClassFixture<SearchFixture>
{
    private const string Synonyms = "/api/catalog/synonyms";
    private static readonly string[][] Motorcycles = [["Moto", "motocicleta"]];

    [Fact]
    public async Task Synonyms_start_as_the_defaults_and_are_replaced_whole_with_if_match()
    {
        using var seller = await api.NewSellerAsync();
        using var read = await seller.Client.GetAsync(new Uri(Synonyms, UriKind.Relative));
        read.Headers.ETag!.Tag.Should().Be("\"0\"");
        (await TestAccounts.ReadJsonAsync(read)).GetProperty("groups")[0].EnumerateArray().Select(t => t.GetString()).Should().Contain(["auto", "carro", "coche"]);

        using var replaced = await PutAsync(seller.Client, Synonyms, new { groups = Motorcycles }, "\"0\"");
        replaced.StatusCode.Should().Be(HttpStatusCode.NoContent);
        replaced.Headers.ETag!.Tag.Should().Be("\"1\"");
        using var stale = await PutAsync(seller.Client, Synonyms, new { groups = Motorcycles }, "\"0\"");
        stale.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        using var again = await seller.Client.GetAsync(new Uri(Synonyms, UriKind.Relative));
        (await TestAccounts.ReadJsonAsync(again)).GetProperty("groups").GetRawText().Should().Be("""[["moto","motocicleta"]]""");
    }

    [Theory]
    [InlineData("""{"groups":[["solo"]]}""", "groups[0]")]
    [InlineData("""{"groups":[["aire acondicionado","a/c"]]}""", "groups[0][0]")]
    [InlineData("""{"groups":[["auto","carro"],["carro","coche"]]}""", "groups[1][0]")]
    [InlineData("""{"groups":null}""", "groups")]
    public async Task Bad_synonym_groups_are_refused_naming_the_term(string body, string field)
    {
        using var seller = await api.NewSellerAsync();
        using var response = await seller.Client.PutAsync(new Uri(Synonyms, UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await TestAccounts.ReadJsonAsync(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Contain(field);
    }

    [Theory]
    [InlineData("sales")]
    [InlineData("viewer")]
    public async Task Only_owners_and_admins_manage_search_settings(string role)
    {
        using var seller = await api.NewSellerAsync();
        var member = await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, seller.Account.TenantId, role);
        using var client = api.Client.WithBearer(member);
        using var synonyms = await client.GetAsync(new Uri(Synonyms, UriKind.Relative));
        synonyms.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using var network = await PutAsync(client, "/api/tenant/network", new { member = true });
        network.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var admin = await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, seller.Account.TenantId, "admin");
        using var asAdmin = api.Client.WithBearer(admin);
        using var joined = await PutAsync(asAdmin, "/api/tenant/network", new { member = true });
        joined.StatusCode.Should().Be(HttpStatusCode.NoContent);
        using var missing = await PutAsync(asAdmin, "/api/tenant/network", new { });
        missing.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string path, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body, options: JsonSerializerOptions.Web) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }
}

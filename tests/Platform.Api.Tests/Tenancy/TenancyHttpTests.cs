using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Api.Tests.Auth;
using Platform.Write.Tenancy;

namespace Platform.Api.Tests.Tenancy;

[Collection(TenancyCollection.Name)]
public sealed class TenancyHttpTests(TenancyApp app)
{
    private static readonly object Settings = new { name = "Autos del Sur", country = "CL", timeZone = "America/Santiago", currency = "CLP", industry = "retail" };

    [Fact]
    public async Task The_tenant_answers_its_version_as_ETag_and_a_stale_If_Match_is_412()
    {
        using var owner = app.Http.WithBearer(await TestAccounts.RegisterTenantAsync(app.Http));

        using var read = await owner.GetAsync(new Uri("/api/tenant", UriKind.Relative));
        read.StatusCode.Should().Be(HttpStatusCode.OK);
        read.Headers.ETag!.Tag.Should().Be("\"1\"");

        using var change = await SendAsync(owner, HttpMethod.Put, "/api/tenant/settings", Settings, ifMatch: "\"1\"");
        change.StatusCode.Should().Be(HttpStatusCode.NoContent);
        change.Headers.ETag!.Tag.Should().Be("\"2\"");

        using var stale = await SendAsync(owner, HttpMethod.Put, "/api/tenant/settings", new { name = "Otro", country = "MX", timeZone = "America/Mexico_City", currency = "MXN", industry = "other" }, ifMatch: "\"1\"");
        stale.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        stale.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await ProblemAsync(stale)).GetProperty("type").GetString().Should().Be("/problems/precondition-failed");
        (await owner.GetFromJsonAsync<JsonElement>(new Uri("/api/tenant", UriKind.Relative))).GetProperty("name").GetString().Should().Be("Autos del Sur");
    }

    [Fact]
    public async Task A_sales_user_gets_403_on_invite_and_an_anonymous_caller_401()
    {
        var owner = await TestAccounts.RegisterTenantAsync(app.Http);
        using var seller = app.Http.WithBearer(await TestAccounts.AddSignedInUserAsync(app.Http, app.System, owner.TenantId, Roles.Sales));

        using var forbidden = await SendAsync(seller, HttpMethod.Post, "/api/users/invite", new { email = "x@example.com", role = "viewer" });
        using var anonymous = await SendAsync(app.Http, HttpMethod.Post, "/api/users/invite", new { email = "x@example.com", role = "viewer" });

        forbidden.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await app.ScalarAsync<long>("select count(*) from users where email = 'x@example.com'")).Should().Be(0);
    }

    [Fact]
    public async Task Invite_then_accept_over_http()
    {
        using var client = app.Http.WithBearer(await TestAccounts.RegisterTenantAsync(app.Http));

        using var invited = await SendAsync(client, HttpMethod.Post, "/api/users/invite", new { email = "luis@example.com", role = "sales" });
        invited.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await invited.Content.ReadFromJsonAsync<JsonElement>();
        var userId = body.GetProperty("userId").GetGuid();
        invited.Headers.Location!.ToString().Should().Be($"/api/users/{userId:D}");

        using var accepted = await SendAsync(app.Http, HttpMethod.Post, "/api/users/accept",
            new { token = body.GetProperty("token").GetString(), displayName = "Luis", password = TenantSeed.Password });
        accepted.StatusCode.Should().Be(HttpStatusCode.OK);

        using var user = await client.GetAsync(new Uri($"/api/users/{userId:D}", UriKind.Relative));
        user.Headers.ETag!.Tag.Should().Be("\"2\"");
        (await user.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("active");
    }

    [Fact]
    public async Task Another_tenants_user_answers_404_on_every_user_endpoint()
    {
        var ownerA = await app.Seed.TenantAsync();
        var sellerA = await app.Seed.ActiveAsync(ownerA, Roles.Sales);
        using var ownerB = app.Http.WithBearer(await TestAccounts.RegisterTenantAsync(app.Http));

        using var get = await ownerB.GetAsync(new Uri($"/api/users/{sellerA.UserId:D}", UriKind.Relative));
        using var role = await SendAsync(ownerB, HttpMethod.Put, $"/api/users/{sellerA.UserId:D}/role", new { role = "viewer" });
        using var deactivate = await SendAsync(ownerB, HttpMethod.Post, $"/api/users/{sellerA.UserId:D}/deactivate", new { reason = "x" });
        using var missing = await ownerB.GetAsync(new Uri($"/api/users/{Guid.CreateVersion7():D}", UriKind.Relative));

        foreach (var response in new[] { get, role, deactivate })
        {
            response.StatusCode.Should().Be(HttpStatusCode.NotFound);
            var text = await response.Content.ReadAsStringAsync();
            text.Should().NotContain(sellerA.Email).And.NotContain(ownerA.TenantId.ToString());
            (await ProblemAsync(response)).GetProperty("detail").GetString()
                .Should().Be((await ProblemAsync(missing)).GetProperty("detail").GetString());
        }
        (await app.ScalarAsync<string>("select role from users where user_id = $1", sellerA.UserId)).Should().Be("sales");
    }

    internal static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object? body, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    internal static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}

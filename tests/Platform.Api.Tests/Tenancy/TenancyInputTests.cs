using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Api.Tests.Auth;
using Platform.Write.Tenancy;
using static Platform.Api.Tests.Tenancy.TenancyHttpTests;

namespace Platform.Api.Tests.Tenancy;

[Collection(TenancyCollection.Name)]
public sealed class TenancyInputTests(TenancyApp app)
{
    [Fact]
    public async Task Ids_roles_and_versions_injected_into_bodies_change_nothing_they_name()
    {
        var ownerA = await TestAccounts.RegisterTenantAsync(app.Http);
        var ownerB = await app.Seed.TenantAsync();
        using var client = app.Http.WithBearer(ownerA);

        using var settings = await SendAsync(client, HttpMethod.Put, "/api/tenant/settings", new
        {
            name = "Cambiado", country = "MX", timeZone = "America/Mexico_City", currency = "MXN", industry = "retail",
            tenantId = ownerB.TenantId, plan = "enterprise", status = "deactivated", version = 99, ownerId = ownerB.UserId, isAdmin = true,
        });
        using var invite = await SendAsync(client, HttpMethod.Post, "/api/users/invite", new
        {
            email = "inyectado@example.com", role = "viewer", tenantId = ownerB.TenantId, userId = ownerB.UserId, invitedBy = ownerB.UserId, status = "active",
        });

        settings.StatusCode.Should().Be(HttpStatusCode.NoContent);
        invite.StatusCode.Should().Be(HttpStatusCode.Created);
        (await app.ScalarAsync<string>("select plan || '/' || status || '/' || version from tenants where tenant_id = $1", ownerA.TenantId)).Should().Be("basic/active/2");
        (await app.ScalarAsync<string>("select name from tenants where tenant_id = $1", ownerB.TenantId)).Should().Be("Autos del Norte");
        (await app.ScalarAsync<string>("select tenant_id::text || '/' || status from users where email = 'inyectado@example.com'"))
            .Should().Be($"{ownerA.TenantId:D}/invited");
    }

    [Theory]
    [InlineData("PUT", "/api/tenant/settings", """{"name": 5}""", "name")]
    [InlineData("PUT", "/api/tenant/plan", """{"plan": "gold"}""", "plan")]
    [InlineData("POST", "/api/users/invite", """{"email": "no-es-correo", "role": "viewer"}""", "email")]
    [InlineData("POST", "/api/users/invite", """{"email": "a@example.com", "role": "root"}""", "role")]
    [InlineData("POST", "/api/tenant/deactivate", """{}""", "reason")]
    [InlineData("GET", "/api/users?cursor=no-es-un-cursor", null, "cursor")]
    [InlineData("GET", "/api/users?limit=muchos", null, "limit")]
    [InlineData("GET", "/api/users/no-es-un-id", null, "id")]
    [InlineData("PUT", "/api/users/no-es-un-id/role", """{"role": "viewer"}""", "id")]
    public async Task Bad_input_is_a_400_naming_the_field(string method, string path, string? json, string field)
    {
        using var client = app.Http.WithBearer(await TestAccounts.RegisterTenantAsync(app.Http));
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (json is not null) request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemAsync(response)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().Contain(field);
    }

    [Fact]
    public async Task A_malformed_If_Match_is_a_400()
    {
        var owner = await TestAccounts.RegisterTenantAsync(app.Http);
        var seller = await app.Seed.ActiveAsync(Member.OwnerOf(owner), Roles.Sales);
        using var client = app.Http.WithBearer(owner);

        using var response = await SendAsync(client, HttpMethod.Put, $"/api/users/{seller.UserId:D}/role", new { role = "viewer" }, ifMatch: "ayer");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemAsync(response)).GetProperty("errors").TryGetProperty("If-Match", out _).Should().BeTrue();
    }

    [Fact]
    public async Task The_plan_limit_is_a_422_naming_plan_resource_and_limit()
    {
        var owner = await TestAccounts.RegisterTenantAsync(app.Http);
        for (var i = 0; i < 4; i++) await app.Seed.InvitedAsync(Member.OwnerOf(owner), Roles.Viewer);
        using var client = app.Http.WithBearer(owner);

        using var response = await SendAsync(client, HttpMethod.Post, "/api/users/invite", new { email = $"{Guid.NewGuid():N}@example.com", role = "viewer" });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await ProblemAsync(response);
        problem.GetProperty("type").GetString().Should().Be("/problems/plan-limit-reached");
        problem.GetProperty("plan").GetString().Should().Be("basic");
        problem.GetProperty("resource").GetString().Should().Be("users");
        problem.GetProperty("limit").GetInt32().Should().Be(5);
    }

    [Fact]
    public async Task A_bad_invitation_token_is_one_generic_problem()
    {
        using var response = await SendAsync(app.Http, HttpMethod.Post, "/api/users/accept",
            new { token = "AAAA" + new string('b', 82), displayName = "Nadie", password = TenantSeed.Password });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ProblemAsync(response)).GetProperty("type").GetString().Should().Be("/problems/invalid-invitation");
    }
}

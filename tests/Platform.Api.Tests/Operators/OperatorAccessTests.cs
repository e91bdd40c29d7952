using System.Net;
using System.Net.Http.Json;
using Platform.Api.Tests.Auth;
using Platform.Api.Tests.Isolation;

namespace Platform.Api.Tests.Operators;

public sealed class OperatorAccessTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    private static readonly string[] PlatformRoutes = ["/api/platform/tenants", "/api/platform/overview"];

    [Fact]
    public async Task Tenant_users_find_no_platform_api_whatever_their_role()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        var analyst = await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, owner.TenantId, "analyst");
        foreach (var account in new[] { owner, analyst })
        {
            using var client = api.Client.WithBearer(account);
            foreach (var path in PlatformRoutes) (await PlatformOperators.StatusOfAsync(client, "GET", path)).Should().Be(HttpStatusCode.NotFound, path);
            (await PlatformOperators.StatusOfAsync(client, "POST", "/api/platform/auth/sign-out")).Should().Be(HttpStatusCode.NotFound);
        }
        foreach (var path in PlatformRoutes) (await PlatformOperators.StatusOfAsync(api.Client, "GET", path)).Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_operator_token_reaches_no_tenant_endpoint_at_all()
    {
        var email = await PlatformOperators.AddAsync(api.Database.ConnectionString);
        var tokens = await PlatformOperators.TokensAsync(api.Client, email);
        using var asOperator = api.Client.WithBearer(tokens.GetProperty("accessToken").GetString()!);
        (await PlatformOperators.StatusOfAsync(asOperator, "GET", "/api/tenant")).Should().Be(HttpStatusCode.Forbidden);
        (await PlatformOperators.StatusOfAsync(asOperator, "GET", "/api/leads")).Should().Be(HttpStatusCode.Forbidden);
        (await PlatformOperators.StatusOfAsync(asOperator, "GET", "/api/auth/sessions")).Should().Be(HttpStatusCode.Forbidden);
        (await PlatformOperators.StatusOfAsync(asOperator, "GET", "/api/admin/projections")).Should().Be(HttpStatusCode.OK, "operators run projections too");

        // Every route of the host that needs a signed-in caller, outside the operators' own, with a valid body.
        var failures = new List<string>();
        var endpoints = ApiEndpoint.All(api.Host.Services)
            .Where(e => !e.Anonymous && !e.Pattern.StartsWith("/api/platform/", StringComparison.Ordinal) && !e.Pattern.StartsWith("/api/admin/", StringComparison.Ordinal))
            .ToList();
        endpoints.Should().HaveCountGreaterThan(50);
        foreach (var endpoint in endpoints)
        {
            var path = endpoint.PathWith(_ => Guid.CreateVersion7().ToString());
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), new Uri(path, UriKind.Relative));
            // A file upload is routed by its content type: send one, so the request reaches authorization.
            if (endpoint.BodyType == typeof(Microsoft.AspNetCore.Http.IFormFile))
                request.Content = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "clientes.csv" } };
            else if (EndpointSamples.BodyFor(endpoint) is { } body) request.Content = JsonContent.Create(body);
            using var response = await asOperator.SendAsync(request);
            if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
                failures.Add($"{endpoint}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        failures.Should().BeEmpty();
    }

    [Fact]
    public async Task Wrong_passwords_unknown_addresses_and_deactivated_operators_get_the_same_401()
    {
        var email = await PlatformOperators.AddAsync(api.Database.ConnectionString);
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var wrong = await PlatformOperators.SignInAsync(api.Client, email, "otra-clave-cualquiera");
        using var unknown = await PlatformOperators.SignInAsync(api.Client, PlatformOperators.NewEmail());
        using var tenantOwner = await PlatformOperators.SignInAsync(api.Client, owner.Email, owner.Password);
        foreach (var response in new[] { wrong, unknown, tenantOwner })
        {
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            (await TestAccounts.ReadJsonAsync(response)).GetProperty("type").GetString().Should().EndWith("invalid-credentials");
        }
        using (var operatorAtTenantSignIn = await TestAccounts.LogInAsync(api.Client, email, PlatformOperators.Password))
            operatorAtTenantSignIn.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "an operator is no tenant's user");

        var tokens = await PlatformOperators.TokensAsync(api.Client, email);
        using var asOperator = api.Client.WithBearer(tokens.GetProperty("accessToken").GetString()!);
        (await PlatformOperators.StatusOfAsync(asOperator, "GET", "/api/platform/tenants")).Should().Be(HttpStatusCode.OK);
        using var output = new StringWriter();
        (await PlatformOperators.RunAsync(api.Database.ConnectionString, output, "operators", "deactivate", email)).Should().Be(0, output.ToString());
        (await PlatformOperators.StatusOfAsync(asOperator, "GET", "/api/platform/tenants")).Should().Be(HttpStatusCode.Unauthorized, "deactivation ends every session");
        using var afterwards = await PlatformOperators.SignInAsync(api.Client, email);
        afterwards.StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        using var listed = new StringWriter();
        (await PlatformOperators.RunAsync(api.Database.ConnectionString, listed, "operators", "list")).Should().Be(0);
        listed.ToString().Should().Contain(email);
        using var again = new StringWriter();
        (await PlatformOperators.RunAsync(api.Database.ConnectionString, again, "operators", "deactivate", email)).Should().Be(1);
    }

    [Fact]
    public async Task Refresh_rotates_the_operators_pair_sign_out_ends_it_and_tenant_and_operator_refresh_tokens_do_not_mix()
    {
        var email = await PlatformOperators.AddAsync(api.Database.ConnectionString);
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        var first = await PlatformOperators.TokensAsync(api.Client, email);
        var refreshToken = first.GetProperty("refreshToken").GetString()!;

        (await PlatformOperators.StatusOfAsync(api.Client, "POST", "/api/auth/refresh-token", new { refreshToken })).Should().Be(HttpStatusCode.Unauthorized);
        (await PlatformOperators.StatusOfAsync(api.Client, "POST", "/api/platform/auth/refresh", new { refreshToken = owner.RefreshToken }))
            .Should().Be(HttpStatusCode.Unauthorized);

        using var refreshed = await api.Client.PostAsJsonAsync(new Uri("/api/platform/auth/refresh", UriKind.Relative), new { refreshToken });
        var second = await TestAccounts.ReadJsonAsync(refreshed);
        refreshed.StatusCode.Should().Be(HttpStatusCode.OK, second.ToString());
        using var asOperator = api.Client.WithBearer(second.GetProperty("accessToken").GetString()!);
        (await PlatformOperators.StatusOfAsync(asOperator, "GET", "/api/platform/overview")).Should().Be(HttpStatusCode.OK);

        // The first refresh token again: copied, so the session ends for everyone.
        (await PlatformOperators.StatusOfAsync(api.Client, "POST", "/api/platform/auth/refresh", new { refreshToken })).Should().Be(HttpStatusCode.Unauthorized);
        (await PlatformOperators.StatusOfAsync(asOperator, "GET", "/api/platform/overview")).Should().Be(HttpStatusCode.Unauthorized);

        var third = await PlatformOperators.TokensAsync(api.Client, email);
        using var again = api.Client.WithBearer(third.GetProperty("accessToken").GetString()!);
        (await PlatformOperators.StatusOfAsync(again, "POST", "/api/platform/auth/sign-out")).Should().Be(HttpStatusCode.NoContent);
        (await PlatformOperators.StatusOfAsync(again, "GET", "/api/platform/tenants")).Should().Be(HttpStatusCode.Unauthorized);
    }
}

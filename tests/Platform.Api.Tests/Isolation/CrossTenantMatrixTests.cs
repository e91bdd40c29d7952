using System.Net;
using System.Text;
using Platform.Api.Tests.Auth;
using Platform.Testing;

namespace Platform.Api.Tests.Isolation;

/// <summary>
/// Every endpoint of the running host, enumerated from its endpoint data source (so a new endpoint
/// is covered without editing this file), called with tenant B's owner token against tenant A.
/// </summary>
public sealed class CrossTenantMatrixTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly HttpStatusCode[] Refusals = [HttpStatusCode.NotFound, HttpStatusCode.Forbidden];

    [Fact]
    public async Task Tenant_B_reaches_none_of_tenant_As_objects_through_any_route()
    {
        await using var host = await StartAsync();
        var a = await TenantFootprint.CreateAsync(host.Client, database.DataSource);
        var b = await TestAccounts.RegisterTenantAsync(host.Client);
        using var asB = host.Client.WithBearer(b);
        var before = await a.FingerprintAsync(database.DataSource);
        var routes = ApiEndpoint.All(host.Services).Where(e => e.HasRouteParameters).ToList();
        routes.Should().NotBeEmpty();

        var failures = new List<string>();
        var calls = 0;
        foreach (var endpoint in routes)
        {
            foreach (var id in a.Ids.Append(Guid.NewGuid().ToString()).Append(Guid.CreateVersion7().ToString()))
            {
                using var response = await SendAsync(asB, endpoint, endpoint.PathWith(_ => id));
                var body = await response.Content.ReadAsStringAsync();
                calls++;
                // An anonymous route (the signed lead webhook) refuses a caller it cannot authenticate with 401.
                var refused = Refusals.Contains(response.StatusCode) || (endpoint.Anonymous && response.StatusCode == HttpStatusCode.Unauthorized);
                if (!refused) failures.Add($"{endpoint} with {id}: {(int)response.StatusCode} {body}");
                var leaked = a.Secrets.FirstOrDefault(s => body.Contains(s, StringComparison.OrdinalIgnoreCase));
                if (leaked is not null) failures.Add($"{endpoint} with {id} answered tenant A's '{leaked}'");
            }
        }

        failures.Should().BeEmpty();
        calls.Should().BeGreaterThanOrEqualTo(routes.Count * 6);
        (await a.FingerprintAsync(database.DataSource)).Should().Be(before, "nothing of tenant A may change");
    }

    [Fact]
    public async Task Bodies_that_name_tenant_As_ids_act_on_the_callers_tenant_or_nothing()
    {
        await using var host = await StartAsync();
        var a = await TenantFootprint.CreateAsync(host.Client, database.DataSource);
        var b = await TestAccounts.RegisterTenantAsync(host.Client);
        using var asB = host.Client.WithBearer(b);
        var before = await a.FingerprintAsync(database.DataSource);
        // Calls that end B's own session or tenant go last, so every other call runs signed in.
        var endpoints = ApiEndpoint.All(host.Services).Where(e => e.BodyType is not null)
            .OrderBy(e => e.Pattern.Contains("deactivate", StringComparison.Ordinal) || e.Pattern.EndsWith("/logout", StringComparison.Ordinal)).ToList();

        var failures = new List<string>();
        var succeeded = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var body = EndpointSamples.BodyFor(endpoint)!;
            body["tenantId"] = a.Owner.TenantId;
            body["ownerId"] = a.Owner.UserId;
            body["userId"] = a.Owner.UserId;
            body["isAdmin"] = true;
            body["version"] = 1;
            body.TryAdd("role", "owner");
            var path = endpoint.PathWith(_ => b.UserId.ToString());
            using var response = await SendAsync(asB, endpoint, path, body.ToJsonString());
            var text = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500) failures.Add($"{endpoint}: {(int)response.StatusCode} {text}");
            if (response.IsSuccessStatusCode) succeeded.Add(endpoint.ToString());
            var leaked = a.Secrets.FirstOrDefault(s => text.Contains(s, StringComparison.OrdinalIgnoreCase));
            if (leaked is not null) failures.Add($"{endpoint} answered tenant A's '{leaked}'");
        }

        failures.Should().BeEmpty();
        succeeded.Should().Contain(["POST /api/users/invite", "PUT /api/tenant/settings", "POST /api/auth/register"], "B's own requests still work");
        (await a.FingerprintAsync(database.DataSource)).Should().Be(before, "a body cannot move a request into tenant A");
    }

    private Task<ApiHost> StartAsync() => ApiHost.StartAsync(
        $"--ConnectionStrings:Platform={database.ConnectionString}",
        "--Platform:RateLimits:PerUserPerMinute=100000", "--Platform:RateLimits:PerTenantPerMinute=100000",
        "--Platform:RateLimits:AnonymousPerMinute=100000", "--Platform:RateLimits:QuotesPerWindow=100000");

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, ApiEndpoint endpoint, string path, string? body = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), new Uri(path, UriKind.Relative));
        body ??= EndpointSamples.BodyFor(endpoint)?.ToJsonString();
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        return client.SendAsync(request);
    }
}

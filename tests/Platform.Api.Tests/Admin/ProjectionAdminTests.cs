using System.Net;
using System.Text.Json;
using Platform.Api.Tests.Auth;
using Platform.Projections.Daemon;
using Platform.Testing;

namespace Platform.Api.Tests.Admin;

public sealed class ProjectionAdminTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private const string Path = "/api/admin/projections";

    [Fact]
    public async Task Operators_see_projection_status_and_rebuild_one_blue_green()
    {
        var slug = TestAccounts.NewSlug();
        await using var host = await StartAsync(slug);
        var operatorOwner = await TestAccounts.RegisterTenantAsync(host.Client, slug);
        await TestAccounts.RegisterTenantAsync(host.Client);
        using var asOperator = host.Client.WithBearer(operatorOwner);

        var status = await EventuallyAsync(asOperator, s => s.GetProperty("lagEvents").GetInt64() == 0 && s.GetProperty("eventsApplied").GetInt64() >= 4);
        status.GetProperty("state").GetString().Should().Be("running");
        var generation = status.GetProperty("serving").GetProperty("generation").GetInt32();

        using var rebuild = await asOperator.PostAsync(new Uri($"{Path}/{TenancyEventCounts.ProjectionName}/rebuild", UriKind.Relative), null);
        rebuild.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var rebuilt = await EventuallyAsync(asOperator, s => s.GetProperty("serving").GetProperty("generation").GetInt32() > generation
            && s.GetProperty("building").ValueKind == JsonValueKind.Null);
        rebuilt.GetProperty("eventsApplied").GetInt64().Should().Be(status.GetProperty("eventsApplied").GetInt64());
    }

    [Fact]
    public async Task Owners_of_other_tenants_find_no_admin_api_and_other_roles_are_refused()
    {
        var slug = TestAccounts.NewSlug();
        await using var host = await StartAsync(slug);
        var operatorOwner = await TestAccounts.RegisterTenantAsync(host.Client, slug);
        var sales = await TestAccounts.AddSignedInUserAsync(host.Client, database.DataSource, operatorOwner.TenantId, "sales");
        using var asOtherOwner = host.Client.WithBearer(await TestAccounts.RegisterTenantAsync(host.Client));
        using var asSales = host.Client.WithBearer(sales);
        using var asOperator = host.Client.WithBearer(operatorOwner);

        foreach (var path in new[] { Path, $"{Path}/{TenancyEventCounts.ProjectionName}" })
        {
            (await StatusOfAsync(asOtherOwner, path)).Should().Be(HttpStatusCode.NotFound);
            (await StatusOfAsync(asSales, path)).Should().Be(HttpStatusCode.Forbidden);
        }
        using var rebuild = await asOtherOwner.PostAsync(new Uri($"{Path}/{TenancyEventCounts.ProjectionName}/rebuild", UriKind.Relative), null);
        rebuild.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await StatusOfAsync(asOperator, $"{Path}/no-such-projection")).Should().Be(HttpStatusCode.NotFound);
    }

    private Task<ApiHost> StartAsync(string operatorSlug) => ApiHost.StartAsync(
        services => services.AddProjection<TenancyEventCounts>(),
        $"--ConnectionStrings:Platform={database.ConnectionString}", $"--Platform:Operators:TenantSlug={operatorSlug}");

    private static async Task<HttpStatusCode> StatusOfAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }

    private static async Task<JsonElement> EventuallyAsync(HttpClient client, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await client.GetAsync(new Uri(Path, UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            var list = await TestAccounts.ReadJsonAsync(response);
            var status = list.EnumerateArray().Single(p => p.GetProperty("name").GetString() == TenancyEventCounts.ProjectionName);
            if (condition(status)) return status;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The projection never reached the expected state: {status}");
            await Task.Delay(100);
        }
    }
}

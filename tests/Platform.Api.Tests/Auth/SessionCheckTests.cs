using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Auth;

namespace Platform.Api.Tests.Auth;

/// <summary>Every authenticated request re-reads its session: a probe endpoint shows the claims the pipeline ends up with.</summary>
public sealed class SessionCheckTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>, IAsyncLifetime
{
    private WebApplication? app;
    private HttpClient? client;

    private HttpClient Client => client!;

    public async Task InitializeAsync()
    {
        app = PlatformApp.Build(["--Urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning",
            $"--ConnectionStrings:Platform={api.Database.ConnectionString}"]);
        app.MapGet("/test/claims", (ClaimsPrincipal user) =>
            $"{user.FindFirstValue(ClaimTypes.Role)} {user.FindFirstValue(PlatformClaims.TenantActive)} {user.FindAll(ClaimTypes.Role).Count()}")
            .RequireAuthorization();
        app.MapGet("/test/owners", () => "owner").RequireAuthorization(policy => policy.RequireRole("owner"));
        await app.StartAsync();
        client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        client?.Dispose();
        if (app is not null) await app.DisposeAsync();
    }

    [Fact]
    public async Task The_role_is_the_one_the_database_holds_now()
    {
        var account = await TestAccounts.RegisterTenantAsync(Client);
        using var owner = Client.WithBearer(account);
        (await owner.GetStringAsync(new Uri("/test/claims", UriKind.Relative))).Should().Be("owner true 1");

        await api.ExecuteAsync("update users set role = 'viewer' where user_id = $1", account.UserId);

        (await owner.GetStringAsync(new Uri("/test/claims", UriKind.Relative))).Should().Be("viewer true 1");
        using var forbidden = await owner.GetAsync(new Uri("/test/owners", UriKind.Relative));
        forbidden.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_deactivated_tenant_is_marked_inactive_on_the_next_request()
    {
        var account = await TestAccounts.RegisterTenantAsync(Client);
        using var owner = Client.WithBearer(account);

        await api.ExecuteAsync("update tenants set status = 'deactivated' where tenant_id = $1", account.TenantId);

        (await owner.GetStringAsync(new Uri("/test/claims", UriKind.Relative))).Should().Be("owner false 1");
    }

    [Fact]
    public async Task A_deactivated_tenant_reads_itself_but_nothing_else_until_it_is_reactivated()
    {
        var account = await TestAccounts.RegisterTenantAsync(Client);
        var admin = await TestAccounts.AddSignedInUserAsync(Client, api.Database.DataSource, account.TenantId, "admin");
        using var owner = Client.WithBearer(account);
        using var adminClient = Client.WithBearer(admin);

        using var deactivated = await owner.PostAsJsonAsync(new Uri("/api/tenant/deactivate", UriKind.Relative), new { reason = "cierre temporal" });
        deactivated.StatusCode.Should().Be(HttpStatusCode.NoContent);
        // Signed in while deactivated: the token says so, and reactivation must not depend on what a token says.
        var (lateToken, _) = await TestAccounts.SignInAsync(Client, admin.Email, admin.Password);
        using var late = Client.WithBearer(lateToken);

        foreach (var client in new[] { owner, adminClient, late })
        {
            using var tenant = await client.GetAsync(new Uri("/api/tenant", UriKind.Relative));
            tenant.StatusCode.Should().Be(HttpStatusCode.OK);
            (await TestAccounts.ReadJsonAsync(tenant)).GetProperty("status").GetString().Should().Be("deactivated");
            using var users = await client.GetAsync(new Uri("/api/users", UriKind.Relative));
            users.StatusCode.Should().Be(HttpStatusCode.Forbidden);
            users.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            (await TestAccounts.ReadJsonAsync(users)).GetProperty("type").GetString().Should().Be("/problems/tenant-deactivated");
        }

        using var reactivated = await owner.PostAsync(new Uri("/api/tenant/reactivate", UriKind.Relative), null);
        reactivated.StatusCode.Should().Be(HttpStatusCode.NoContent);

        foreach (var client in new[] { owner, adminClient, late })
        {
            using var users = await client.GetAsync(new Uri("/api/users", UriKind.Relative));
            users.StatusCode.Should().Be(HttpStatusCode.OK);
            (await TestAccounts.ReadJsonAsync(users)).GetProperty("items").GetArrayLength().Should().Be(2);
        }
    }

    [Theory]
    [InlineData("update users set status = 'deactivated' where user_id = $1")]
    [InlineData("update users set security_stamp = gen_random_uuid() where user_id = $1")]
    [InlineData("update sessions set revoked_at = now() where user_id = $1")]
    [InlineData("update sessions set expires_at = now() - interval '1 second' where user_id = $1")]
    public async Task A_session_that_no_longer_stands_answers_401(string change)
    {
        var account = await TestAccounts.RegisterTenantAsync(Client);
        using var owner = Client.WithBearer(account);

        await api.ExecuteAsync(change, account.UserId);

        using var response = await owner.GetAsync(new Uri("/test/claims", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }
}

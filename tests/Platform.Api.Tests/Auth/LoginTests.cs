using System.Net;

namespace Platform.Api.Tests.Auth;

public sealed class LoginTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    private static readonly Uri Sessions = new("/api/auth/sessions", UriKind.Relative);

    [Fact]
    public async Task Sign_in_answers_working_tokens_and_records_the_client()
    {
        var account = await TestAccounts.RegisterTenantAsync(api.Client);
        api.Client.DefaultRequestHeaders.UserAgent.ParseAdd("PlatformTests/1.0");

        var (access, _) = await TestAccounts.SignInAsync(api.Client, $"  {account.Email.ToUpperInvariant()} ", account.Password);

        using var client = api.Client.WithBearer(access);
        using var response = await client.GetAsync(Sessions);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await api.ScalarAsync<string>(
            "select client_address || ' ' || user_agent from sessions where user_id = $1 order by created_at desc limit 1", account.UserId))
            .Should().Be("127.0.0.1 PlatformTests/1.0");
    }

    [Fact]
    public async Task Unknown_address_wrong_password_and_deactivated_user_answer_alike()
    {
        var account = await TestAccounts.RegisterTenantAsync(api.Client);
        var deactivated = await TestAccounts.RegisterTenantAsync(api.Client);
        await api.ExecuteAsync("update users set status = 'deactivated' where user_id = $1", deactivated.UserId);

        using var wrongPassword = await TestAccounts.LogInAsync(api.Client, account.Email, "not-the-password");
        using var unknownAddress = await TestAccounts.LogInAsync(api.Client, TestAccounts.NewEmail(), "not-the-password");
        using var deactivatedUser = await TestAccounts.LogInAsync(api.Client, deactivated.Email, deactivated.Password);

        foreach (var response in new[] { wrongPassword, unknownAddress, deactivatedUser })
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var body = await ProblemBodies.WithoutTraceIdAsync(wrongPassword);
        body.Should().Contain("/problems/invalid-credentials");
        (await ProblemBodies.WithoutTraceIdAsync(unknownAddress)).Should().Be(body);
        (await ProblemBodies.WithoutTraceIdAsync(deactivatedUser)).Should().Be(body);
    }

    [Fact]
    public async Task Missing_credentials_are_a_400_naming_the_fields()
    {
        using var response = await TestAccounts.LogInAsync(api.Client, "", "");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await TestAccounts.ReadJsonAsync(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name)
            .Should().BeEquivalentTo("email", "password");
    }

    [Fact]
    public async Task A_deactivated_tenants_user_signs_in_but_may_only_send_what_allows_an_inactive_tenant()
    {
        var account = await TestAccounts.RegisterTenantAsync(api.Client);
        await api.ExecuteAsync("update tenants set status = 'deactivated' where tenant_id = $1", account.TenantId);

        var (access, _) = await TestAccounts.SignInAsync(api.Client, account.Email, account.Password);
        using var client = api.Client.WithBearer(access);

        using var sessions = await client.GetAsync(Sessions);
        sessions.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await TestAccounts.ReadJsonAsync(sessions)).GetProperty("type").GetString().Should().Be("/problems/tenant-deactivated");
        using var logout = await client.PostAsync(new Uri("/api/auth/logout", UriKind.Relative), null);
        logout.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task An_invited_user_without_a_password_cannot_sign_in()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        var email = TestAccounts.NewEmail();
        await api.ExecuteAsync("""
            insert into users (tenant_id, user_id, email, display_name, role, status, password_hash, security_stamp, version, created_at, updated_at)
            values ($1, $2, $3, '', 'sales', 'invited', null, $4, 1, now(), now())
            """, owner.TenantId, Guid.NewGuid(), email, Guid.NewGuid());

        using var response = await TestAccounts.LogInAsync(api.Client, email, "");
        using var withPassword = await TestAccounts.LogInAsync(api.Client, email, "anything-at-all");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        withPassword.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}

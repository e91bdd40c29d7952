using System.Net;
using System.Net.Http.Json;

namespace Platform.Api.Tests.Auth;

public sealed class TokenTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    private static readonly Uri Sessions = new("/api/auth/sessions", UriKind.Relative);

    [Fact]
    public async Task An_expired_access_token_answers_401_and_its_refresh_token_still_renews_it()
    {
        await using var host = await api.StartHostAsync("--Platform:Auth:AccessTokenLifetime=00:00:01");
        var account = await TestAccounts.RegisterTenantAsync(host.Client);
        using var owner = host.Client.WithBearer(account);
        (await owner.GetAsync(Sessions)).StatusCode.Should().Be(HttpStatusCode.OK);

        await Task.Delay(TimeSpan.FromSeconds(1.5));

        using var expired = await owner.GetAsync(Sessions);
        expired.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var (access, _) = await RefreshAsync(host.Client, account.RefreshToken);
        using var renewed = host.Client.WithBearer(access);
        (await renewed.GetAsync(Sessions)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_tampered_access_or_refresh_token_answers_401()
    {
        var account = await TestAccounts.RegisterTenantAsync(api.Client);

        using var tampered = api.Client.WithBearer(Tamper(account.AccessToken));
        using var response = await tampered.GetAsync(Sessions);
        using var refresh = await PostRefreshAsync(api.Client, Tamper(account.RefreshToken));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        refresh.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        using var original = api.Client.WithBearer(account);
        (await original.GetAsync(Sessions)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Access_and_refresh_tokens_are_not_interchangeable()
    {
        var account = await TestAccounts.RegisterTenantAsync(api.Client);

        using var refreshAsBearer = api.Client.WithBearer(account.RefreshToken);
        (await refreshAsBearer.GetAsync(Sessions)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await PostRefreshAsync(api.Client, account.AccessToken)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refresh_rotates_and_a_reused_refresh_token_ends_the_session_for_every_token()
    {
        var account = await TestAccounts.RegisterTenantAsync(api.Client);
        var (access, refresh) = await RefreshAsync(api.Client, account.RefreshToken);
        refresh.Should().NotBe(account.RefreshToken);

        using var reused = await PostRefreshAsync(api.Client, account.RefreshToken);

        reused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        using var newest = api.Client.WithBearer(access);
        (await newest.GetAsync(Sessions)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await PostRefreshAsync(api.Client, refresh)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await api.ScalarAsync<string>("select revoked_reason from sessions where user_id = $1", account.UserId))
            .Should().Be("refresh-token-reused");
    }

    [Fact]
    public async Task After_logout_the_access_and_refresh_tokens_answer_401()
    {
        var account = await TestAccounts.RegisterTenantAsync(api.Client);
        using var owner = api.Client.WithBearer(account);

        using var logout = await owner.PostAsync(new Uri("/api/auth/logout", UriKind.Relative), null);

        logout.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await owner.GetAsync(Sessions)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await PostRefreshAsync(api.Client, account.RefreshToken)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await owner.PostAsync(new Uri("/api/auth/logout", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Tokens_issued_before_a_restart_still_work_after_it()
    {
        TestAccount account;
        await using (var before = await api.StartHostAsync())
        {
            account = await TestAccounts.RegisterTenantAsync(before.Client);
            await before.StopAsync();
        }

        await using var after = await api.StartHostAsync();
        using var owner = after.Client.WithBearer(account);

        (await owner.GetAsync(Sessions)).StatusCode.Should().Be(HttpStatusCode.OK);
        var (access, _) = await RefreshAsync(after.Client, account.RefreshToken);
        using var renewed = after.Client.WithBearer(access);
        (await renewed.GetAsync(Sessions)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await api.ScalarAsync<long>("select count(*) from data_protection_keys")).Should().Be(1);
    }

    [Fact]
    public async Task A_missing_refresh_token_is_a_400_naming_it()
    {
        using var response = await api.Client.PostAsJsonAsync(new Uri("/api/auth/refresh-token", UriKind.Relative), new { });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await TestAccounts.ReadJsonAsync(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal("refreshToken");
    }

    /// <summary>One character in the middle changed: the last characters of base64url may carry padding bits only.</summary>
    private static string Tamper(string token)
    {
        var middle = token.Length / 2;
        var replacement = token[middle] == 'A' ? 'B' : 'A';
        return string.Concat(token.AsSpan(0, middle), new string(replacement, 1), token.AsSpan(middle + 1));
    }

    private static Task<HttpResponseMessage> PostRefreshAsync(HttpClient client, string refreshToken) =>
        client.PostAsJsonAsync(new Uri("/api/auth/refresh-token", UriKind.Relative), new { refreshToken });

    private static async Task<(string Access, string Refresh)> RefreshAsync(HttpClient client, string refreshToken)
    {
        using var response = await PostRefreshAsync(client, refreshToken);
        var json = await TestAccounts.ReadJsonAsync(response);
        response.StatusCode.Should().Be(HttpStatusCode.OK, json.ToString());
        return (json.GetProperty("accessToken").GetString()!, json.GetProperty("refreshToken").GetString()!);
    }
}

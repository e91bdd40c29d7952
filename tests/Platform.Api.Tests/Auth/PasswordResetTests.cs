using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Api.Tests.Auth;

public sealed class PasswordResetTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    private const string NewPassword = "a-brand-new-passphrase";

    [Fact]
    public async Task Forgot_password_answers_alike_for_any_address_and_queues_a_token_only_for_an_account()
    {
        var account = await TestAccounts.RegisterTenantAsync(api.Client);
        var unknown = TestAccounts.NewEmail();

        using var known = await ForgotAsync(account.Email.ToUpperInvariant());
        using var stranger = await ForgotAsync(unknown);

        known.StatusCode.Should().Be(HttpStatusCode.Accepted);
        stranger.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await stranger.Content.ReadAsStringAsync()).Should().Be(await known.Content.ReadAsStringAsync());
        (await api.ScalarAsync<long>("select count(*) from outbox where recipient = $1 and kind = 'password-reset'", account.Email)).Should().Be(1);
        (await api.ScalarAsync<long>("select count(*) from outbox where recipient = $1", unknown)).Should().Be(0);
        (await api.ScalarAsync<long>("select count(*) from password_resets where user_id = $1", account.UserId)).Should().Be(1);
    }

    [Fact]
    public async Task Reset_sets_the_new_password_ends_every_session_and_is_recorded_as_an_event()
    {
        var account = await TestAccounts.RegisterTenantAsync(api.Client);
        var (otherAccess, otherRefresh) = await TestAccounts.SignInAsync(api.Client, account.Email, account.Password);
        var token = await RequestTokenAsync(account);

        using var reset = await ResetAsync(token, NewPassword);

        reset.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await TestAccounts.LogInAsync(api.Client, account.Email, account.Password)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await TestAccounts.SignInAsync(api.Client, account.Email, NewPassword);
        foreach (var access in new[] { account.AccessToken, otherAccess })
        {
            using var client = api.Client.WithBearer(access);
            (await client.GetAsync(new Uri("/api/auth/sessions", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }
        (await api.Client.PostAsJsonAsync(new Uri("/api/auth/refresh-token", UriKind.Relative), new { refreshToken = otherRefresh }))
            .StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await api.ScalarAsync<string>("select string_agg(type, ',' order by version) from events where stream_id = $1", $"user-{account.UserId:D}"))
            .Should().Be("tenancy.user-registered.v1,tenancy.user-password-reset.v1");
        (await api.ScalarAsync<long>("select version from users where user_id = $1", account.UserId)).Should().Be(2);
    }

    [Fact]
    public async Task A_reset_token_works_once()
    {
        var account = await TestAccounts.RegisterTenantAsync(api.Client);
        var token = await RequestTokenAsync(account);
        (await ResetAsync(token, NewPassword)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        using var again = await ResetAsync(token, "yet-another-passphrase");

        again.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        await TestAccounts.SignInAsync(api.Client, account.Email, NewPassword);
    }

    [Fact]
    public async Task Expired_altered_and_made_up_tokens_all_answer_the_same_problem()
    {
        var account = await TestAccounts.RegisterTenantAsync(api.Client);
        var expired = await RequestTokenAsync(account);
        await api.ExecuteAsync("update password_resets set expires_at = now() - interval '1 second' where user_id = $1", account.UserId);
        var live = await RequestTokenAsync(account);
        var altered = live[..^10] + (live[^10] == 'A' ? 'B' : 'A') + live[^9..];

        using var expiredAnswer = await ResetAsync(expired, NewPassword);
        using var alteredAnswer = await ResetAsync(altered, NewPassword);
        using var madeUp = await ResetAsync("not-a-token-at-all", NewPassword);

        expiredAnswer.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var body = await ProblemBodies.WithoutTraceIdAsync(expiredAnswer);
        body.Should().Contain("/problems/invalid-reset-token");
        (await ProblemBodies.WithoutTraceIdAsync(alteredAnswer)).Should().Be(body);
        (await ProblemBodies.WithoutTraceIdAsync(madeUp)).Should().Be(body);
        (await ResetAsync(live, NewPassword)).StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_too_short_new_password_is_a_400_naming_it_and_spends_nothing()
    {
        var account = await TestAccounts.RegisterTenantAsync(api.Client);
        var token = await RequestTokenAsync(account);

        using var response = await ResetAsync(token, "short");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await TestAccounts.ReadJsonAsync(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal("newPassword");
        (await ResetAsync(token, NewPassword)).StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Requests_past_three_open_links_answer_the_same_but_queue_nothing()
    {
        var account = await TestAccounts.RegisterTenantAsync(api.Client);

        for (var request = 0; request < 5; request++)
            (await ForgotAsync(account.Email)).StatusCode.Should().Be(HttpStatusCode.Accepted);

        (await api.ScalarAsync<long>("select count(*) from outbox where recipient = $1", account.Email)).Should().Be(3);
    }

    private Task<HttpResponseMessage> ForgotAsync(string email) =>
        api.Client.PostAsJsonAsync(new Uri("/api/auth/forgot-password", UriKind.Relative), new { email });

    private Task<HttpResponseMessage> ResetAsync(string token, string newPassword) =>
        api.Client.PostAsJsonAsync(new Uri("/api/auth/reset-password", UriKind.Relative), new { token, newPassword });

    /// <summary>Asks for a reset and reads the token the way the mail integration will: from the outbox.</summary>
    private async Task<string> RequestTokenAsync(TestAccount account)
    {
        using var response = await ForgotAsync(account.Email);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var payload = await api.ScalarAsync<string>(
            "select payload::text from outbox where recipient = $1 and kind = 'password-reset' order by created_at desc, message_id desc limit 1",
            account.Email);
        using var json = JsonDocument.Parse(payload!);
        return json.RootElement.GetProperty("token").GetString()!;
    }
}

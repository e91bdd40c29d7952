using System.Net;

namespace Platform.Api.Tests.Auth;

public sealed class LoginRateLimitTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    [Fact]
    public async Task Five_failures_for_an_account_make_the_next_attempt_a_429_even_with_the_right_password()
    {
        var account = await TestAccounts.RegisterTenantAsync(api.Client);
        for (var attempt = 0; attempt < 5; attempt++)
            (await TestAccounts.LogInAsync(api.Client, account.Email, "wrong-password")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        using var throttled = await TestAccounts.LogInAsync(api.Client, account.Email, account.Password);

        throttled.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(throttled.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        retryAfter.Should().BeInRange(1, 15 * 60);
        (await TestAccounts.ReadJsonAsync(throttled)).GetProperty("type").GetString().Should().Be("/problems/too-many-sign-in-attempts");
    }

    [Fact]
    public async Task The_account_limit_holds_across_instances_and_answers_alike_for_unknown_addresses()
    {
        var account = await TestAccounts.RegisterTenantAsync(api.Client);
        var unknown = TestAccounts.NewEmail();
        await using var other = await api.StartHostAsync();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var host = attempt % 2 == 0 ? api.Client : other.Client;
            (await TestAccounts.LogInAsync(host, account.Email, "wrong-password")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            (await TestAccounts.LogInAsync(host, unknown, "wrong-password")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        using var known = await TestAccounts.LogInAsync(other.Client, account.Email, "wrong-password");
        using var unknownAnswer = await TestAccounts.LogInAsync(other.Client, unknown, "wrong-password");

        known.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        unknownAnswer.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await ProblemBodies.WithoutTraceIdAsync(unknownAnswer)).Should().Be(await ProblemBodies.WithoutTraceIdAsync(known));
    }

    [Fact]
    public async Task A_successful_sign_in_starts_the_accounts_count_again()
    {
        var account = await TestAccounts.RegisterTenantAsync(api.Client);
        for (var attempt = 0; attempt < 4; attempt++)
            (await TestAccounts.LogInAsync(api.Client, account.Email, "wrong-password")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await TestAccounts.SignInAsync(api.Client, account.Email, account.Password);

        for (var attempt = 0; attempt < 4; attempt++)
            (await TestAccounts.LogInAsync(api.Client, account.Email, "wrong-password")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await TestAccounts.SignInAsync(api.Client, account.Email, account.Password);
    }

    [Fact]
    public async Task Failures_from_one_address_across_accounts_are_limited_per_address()
    {
        await using var host = await api.StartHostAsync("--Platform:Auth:LoginAttemptsPerAddress=3");
        for (var attempt = 0; attempt < 3; attempt++)
            (await TestAccounts.LogInAsync(host.Client, TestAccounts.NewEmail(), "wrong-password")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        using var throttled = await TestAccounts.LogInAsync(host.Client, TestAccounts.NewEmail(), "wrong-password");

        throttled.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        throttled.Headers.Contains("Retry-After").Should().BeTrue();
    }
}

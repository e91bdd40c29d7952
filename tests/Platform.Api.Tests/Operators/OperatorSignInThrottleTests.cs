using System.Net;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Operators;

public sealed class OperatorSignInThrottleTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    [Fact]
    public async Task Five_failures_for_an_operator_make_the_next_attempt_a_429_even_with_the_right_password()
    {
        var email = await PlatformOperators.AddAsync(api.Database.ConnectionString);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var failed = await PlatformOperators.SignInAsync(api.Client, email, "otra-clave-cualquiera");
            failed.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        using var throttled = await PlatformOperators.SignInAsync(api.Client, email);

        throttled.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        throttled.Headers.Contains("Retry-After").Should().BeTrue();
        (await TestAccounts.ReadJsonAsync(throttled)).GetProperty("type").GetString().Should().Be("/problems/too-many-sign-in-attempts");
    }

    [Fact]
    public async Task An_unknown_operator_address_is_throttled_like_a_known_one()
    {
        var unknown = PlatformOperators.NewEmail();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var failed = await PlatformOperators.SignInAsync(api.Client, unknown, "otra-clave-cualquiera");
            failed.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }
        using var throttled = await PlatformOperators.SignInAsync(api.Client, unknown);
        throttled.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }
}

using System.Net;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Operators;

public sealed class OperatorBootstrapTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    [Fact]
    public async Task The_bootstrap_settings_create_one_operator_once_and_never_reset_its_password()
    {
        var email = PlatformOperators.NewEmail();
        await using (var first = await api.StartHostAsync(
            $"--Platform:Operators:Bootstrap:Email={email}", $"--Platform:Operators:Bootstrap:Password={PlatformOperators.Password}"))
        {
            await PlatformOperators.TokensAsync(first.Client, email);
        }

        await using var second = await api.StartHostAsync(
            $"--Platform:Operators:Bootstrap:Email={email}", "--Platform:Operators:Bootstrap:Password=otra-clave-distinta");
        await PlatformOperators.TokensAsync(second.Client, email);
        using var changed = await PlatformOperators.SignInAsync(second.Client, email, "otra-clave-distinta");
        changed.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await api.ScalarAsync<long>("select count(*) from platform_operators where email = $1", email)).Should().Be(1);
    }
}

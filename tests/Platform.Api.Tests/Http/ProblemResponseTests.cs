using System.Net;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Api.Tests.Http;

public sealed class ProblemResponseTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task An_unknown_route_answers_problem_json()
    {
        await using var host = await ApiHost.StartAsync($"--ConnectionStrings:Platform={database.ConnectionString}");

        using var response = await host.Client.GetAsync(new Uri("/api/no-such-thing", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("status").GetInt32().Should().Be(404);
        body.RootElement.GetProperty("type").GetString().Should().Be("/problems/not-found");
    }

    [Fact]
    public async Task An_admin_endpoint_without_a_token_answers_401_problem_json()
    {
        await using var host = await ApiHost.StartAsync($"--ConnectionStrings:Platform={database.ConnectionString}");

        using var response = await host.Client.GetAsync(new Uri("/api/admin/projections", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }
}

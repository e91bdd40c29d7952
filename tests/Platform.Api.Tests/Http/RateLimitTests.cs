using System.Net;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Api.Tests.Http;

public sealed class RateLimitTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Anonymous_requests_past_the_budget_answer_429_with_retry_after()
    {
        await using var host = await ApiHost.StartAsync(
            $"--ConnectionStrings:Platform={database.ConnectionString}", "--Platform:RateLimits:AnonymousPerMinute=3");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 6 && limited is null; i++)
        {
            var response = await host.Client.GetAsync(new Uri("/api/admin/projections", UriKind.Relative));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited = response;
            else response.Dispose();
        }

        statuses.Take(3).Should().AllBeEquivalentTo(HttpStatusCode.Unauthorized);
        limited.Should().NotBeNull();
        using (limited)
        {
            int.Parse(limited!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).Should().BePositive();
            limited.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            using var body = JsonDocument.Parse(await limited.Content.ReadAsStringAsync());
            body.RootElement.GetProperty("type").GetString().Should().Be("/problems/too-many-requests");
        }
    }

    [Fact]
    public async Task Health_checks_are_never_limited()
    {
        await using var host = await ApiHost.StartAsync(
            $"--ConnectionStrings:Platform={database.ConnectionString}", "--Platform:RateLimits:AnonymousPerMinute=1");

        for (var i = 0; i < 5; i++)
        {
            var (status, _) = await host.GetHealthAsync();
            status.Should().Be(HttpStatusCode.OK);
        }
    }
}

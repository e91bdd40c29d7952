using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Platform.Api.Tests.Auth;
using Platform.Api.Tests.Isolation;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.Api.Tests.Fuzz;

/// <summary>
/// Thousands of random requests per endpoint (every endpoint the host maps): bodies shaped like the
/// endpoint's with values of random kinds, broken JSON, odd route values and query strings. Bad input
/// must be refused as bad input: no answer may be a 5xx.
/// </summary>
public sealed class FuzzedRequestTests(DatabaseFixture database, ITestOutputHelper output) : IClassFixture<DatabaseFixture>
{
    private static readonly int CasesPerEndpoint =
        int.TryParse(Environment.GetEnvironmentVariable("PLATFORM_FUZZ_CASES"), CultureInfo.InvariantCulture, out var n) ? n : 1000;

    [Fact]
    public async Task No_fuzzed_request_gets_a_server_error()
    {
        await using var host = await ApiHost.StartAsync(
            $"--ConnectionStrings:Platform={database.ConnectionString}", "--Logging:LogLevel:Default=None",
            "--Platform:RateLimits:PerUserPerMinute=1000000", "--Platform:RateLimits:PerTenantPerMinute=1000000",
            "--Platform:RateLimits:AnonymousPerMinute=1000000", "--Platform:RateLimits:QuotesPerWindow=1000000");
        var endpoints = ApiEndpoint.All(host.Services);
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}, {CasesPerEndpoint} cases for each of {endpoints.Count} endpoints");

        var serverErrors = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        await Parallel.ForEachAsync(endpoints.Select((e, i) => (e, i)), new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (item, ct) =>
        {
            var (endpoint, index) = item;
            // A tenant of its own per endpoint: fuzzing one endpoint (deactivation, sign-out) cannot starve another.
            var account = await TestAccounts.RegisterTenantAsync(host.Client);
            using var client = endpoint.Anonymous ? new HttpClient { BaseAddress = host.Client.BaseAddress } : host.Client.WithBearer(account);
            var fuzzer = new JsonFuzzer(seed + index);
            for (var i = 0; i < CasesPerEndpoint; i++)
            {
                var path = endpoint.PathWith(_ => fuzzer.NextRouteValue()) + fuzzer.NextQuery();
                using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), path);
                if (endpoint.BodyType is not null || i % 7 == 0)
                    request.Content = new StringContent(fuzzer.NextBody(endpoint.BodyType), Encoding.UTF8, i % 11 == 0 ? "text/plain" : "application/json");
                // Headers only: a stream (GET /api/devices/stream) never ends; disposing the response hangs up.
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, count) => count + 1);
                if ((int)response.StatusCode >= 500)
                    serverErrors.Enqueue($"{endpoint} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            }
        });

        output.WriteLine(string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        serverErrors.Should().BeEmpty($"seed {seed} reproduces them");
        statuses.Keys.Should().Contain(400, "most random input is refused as bad input");
    }
}

using System.Text.Json;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Analytics;

/// <summary>Reads a figures endpoint until its figures equal the oracle's: projections are a moment behind the events.</summary>
internal static class Converging
{
    public static async Task<JsonElement> FiguresAsync(
        HttpClient client, string path, Func<JsonElement, Dictionary<string, decimal>> figures, Dictionary<string, decimal> expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var answer = await TestAccounts.ReadJsonAsync(response);
            response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, answer.ToString());
            if (OracleQueries.Same(figures(answer), expected) || DateTime.UtcNow > deadline)
            {
                figures(answer).Should().BeEquivalentTo(expected, $"the endpoint's figures equal the events' ({path})");
                return answer;
            }
            await Task.Delay(200);
        }
    }

    /// <summary>A period around today that covers every event a test just wrote, in any tenant's time zone.</summary>
    public static (DateOnly From, DateOnly To, string Query) AroundToday()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (from, to) = (today.AddDays(-2), today.AddDays(2));
        return (from, to, $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
    }
}

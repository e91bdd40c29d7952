using System.Text.Json;
using Platform.Api.Tests.Leads;
using Platform.Read.Analytics;

namespace Platform.Api.Tests.Analytics;

/// <summary>Compares an analytics answer with its oracle, reading again while the projection catches up.</summary>
internal static class OracleChecks
{
    public static (DateOnly From, DateOnly To) AroundToday()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return (today.AddDays(-2), today.AddDays(2));
    }

    public static string Path(string endpoint, DateOnly from, DateOnly to, SalesFilter filter) =>
        $"{endpoint}?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}{SalesScenario.Query(filter)}";

    /// <summary>The answer once its figures equal <paramref name="expected"/>, or the last one read after 30 seconds.</summary>
    public static async Task<JsonElement> SettledAsync(
        HttpClient client, string path, Func<JsonElement, Dictionary<string, decimal>> figures, Dictionary<string, decimal> expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var answer = await LeadRequests.GetJsonAsync(client, path);
        while (!Same(figures(answer), expected) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            answer = await LeadRequests.GetJsonAsync(client, path);
        }
        return answer;
    }

    public static bool Same(Dictionary<string, decimal> actual, Dictionary<string, decimal> expected) =>
        actual.Count == expected.Count && expected.All(e => actual.TryGetValue(e.Key, out var v) && v == e.Value);
}

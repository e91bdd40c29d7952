using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Devices;

/// <summary>Readings at minutes after a fixed start (measured time), and waiting for the alerts reactor.</summary>
internal static class AlertSamples
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public static async Task SendAsync(HttpClient client, TestDevice device, long seq, double minutes, decimal temperature)
    {
        var ts = Start.AddMinutes(minutes).ToUnixTimeMilliseconds();
        using var response = await DeviceSamples.PostReadingsAsync(client, device, DeviceSamples.Payload(1, seq, temperature, ts: ts));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>GET until <paramref name="done"/> holds for the answer; the reactor runs behind the readings by a moment.</summary>
    public static async Task<JsonElement> EventuallyAsync(HttpClient client, string path, Func<JsonElement, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var json = await TestAccounts.ReadJsonAsync(response);
            if (response.IsSuccessStatusCode && done(json)) return json;
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20), $"the alerts reactor catches up within seconds; last answer {json}");
            await Task.Delay(50);
        }
    }

    public static Task<JsonElement> ActiveAsync(HttpClient client, TestDevice device, int count) =>
        EventuallyAsync(client, $"/api/alerts?status=active&deviceId={device.DeviceId}", j => j.GetProperty("items").GetArrayLength() == count);

    public static Task<JsonElement> PastAsync(HttpClient client, TestDevice device, int count) =>
        EventuallyAsync(client, $"/api/alerts?status=past&deviceId={device.DeviceId}", j => j.GetProperty("items").GetArrayLength() == count);

    public static async Task<string[]> EventTypesAsync(AuthApiFixture api, Guid alertId)
    {
        await using var command = api.Database.DataSource.CreateCommand("select string_agg(type, ',' order by version) from events where stream_id = $1");
        command.Parameters.Add(new() { Value = $"device-alert-{alertId:D}" });
        return ((string)(await command.ExecuteScalarAsync())!).Split(',');
    }
}

using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Devices;

/// <summary>Readings sent through the HTTP fallback at given instants, and the telemetry read models waited for.</summary>
internal static class TelemetrySamples
{
    public static readonly DateTimeOffset Base = new(2026, 1, 1, 10, 0, 0, TimeSpan.Zero);

    public static string Payload(long boot, long seq, DateTimeOffset at, params (string Sensor, decimal Value, string Unit)[] readings) =>
        JsonSerializer.Serialize(new
        {
            boot, seq, ts = at.ToUnixTimeMilliseconds(),
            readings = readings.Select(r => new { sensor = r.Sensor, value = r.Value, unit = r.Unit }),
        });

    public static async Task SendAsync(HttpClient client, TestDevice device, long boot, long seq, DateTimeOffset at,
        params (string Sensor, decimal Value, string Unit)[] readings)
    {
        using var response = await DeviceSamples.PostReadingsAsync(client, device, Payload(boot, seq, at, readings));
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Readings answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<JsonElement> GetAsync(HttpClient signedIn, string path)
    {
        using var response = await signedIn.GetAsync(new Uri(path, UriKind.Relative));
        var json = await TestAccounts.ReadJsonAsync(response);
        response.EnsureSuccessStatusCode();
        return json;
    }

    /// <summary>The latest values once the projection has taken <paramref name="count"/> sensors' worth of them.</summary>
    public static async Task<Dictionary<string, (decimal Value, DateTimeOffset At)>> LatestAsync(
        HttpClient signedIn, TestDevice device, Func<Dictionary<string, (decimal Value, DateTimeOffset At)>, bool> ready)
    {
        Dictionary<string, (decimal, DateTimeOffset)> latest = [];
        await DeviceMqtt.UntilAsync(async () =>
        {
            var json = await GetAsync(signedIn, $"/api/devices/{device.DeviceId}/latest");
            latest = json.GetProperty("sensors").EnumerateArray().ToDictionary(
                s => s.GetProperty("sensor").GetString()!,
                s => (s.GetProperty("value").GetDecimal(), s.GetProperty("measuredAt").GetDateTimeOffset()));
            return ready(latest);
        }, "the latest values");
        return latest;
    }

    public static string Iso(DateTimeOffset at) => Uri.EscapeDataString(at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));

    public static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
}

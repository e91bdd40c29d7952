using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Devices;

/// <summary>A registered device as the registry answered it: ids, credentials and its topics.</summary>
public sealed record TestDevice(Guid TenantId, Guid DeviceId, string Username, string Password, string Telemetry, string Ack, long Version)
{
    public static TestDevice From(JsonElement json) => new(
        json.GetProperty("tenantId").GetGuid(), json.GetProperty("deviceId").GetGuid(), json.GetProperty("username").GetString()!,
        json.GetProperty("password").GetString()!, json.GetProperty("topics").GetProperty("telemetry").GetString()!,
        json.GetProperty("topics").GetProperty("ack").GetString()!, json.GetProperty("version").GetInt64());
}

internal static class DeviceSamples
{
    public static JsonObject Fridge(string name = "Nevera principal") => new() { ["name"] = name, ["profile"] = "fridge-temperature" };

    public static async Task<TestDevice> RegisterAsync(HttpClient signedIn, JsonObject? body = null)
    {
        using var response = await signedIn.PostAsJsonAsync(new Uri("/api/devices", UriKind.Relative), body ?? Fridge());
        var json = await TestAccounts.ReadJsonAsync(response);
        if (response.StatusCode != System.Net.HttpStatusCode.Created)
            throw new InvalidOperationException($"Registering a device answered {(int)response.StatusCode}: {json}");
        return TestDevice.From(json);
    }

    public static string Payload(long boot, long seq, decimal temperature = 3.125m, long? first = null, long ts = 1_767_225_600_123) =>
        first is null
            ? $$"""{"boot":{{boot}},"seq":{{seq}},"ts":{{ts}},"readings":[{"sensor":"temperature","value":{{temperature}},"unit":"C"}]}"""
            : $$"""{"boot":{{boot}},"seq":{{seq}},"ts":{{ts}},"first":{{first}},"readings":[{"sensor":"temperature","value":{{temperature}},"unit":"C"}]}""";

    /// <summary>POST /api/devices/{id}/readings with the device's Basic credentials (or the ones given).</summary>
    public static Task<HttpResponseMessage> PostReadingsAsync(HttpClient client, TestDevice device, string payload, string? password = null, string? username = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/devices/{device.DeviceId}/readings", UriKind.Relative))
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username ?? device.Username}:{password ?? device.Password}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        return client.SendAsync(request);
    }
}

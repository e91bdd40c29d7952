using System.Globalization;
using System.Net;
using System.Text.Json;
using Platform.Api.Tests.Auth;
using static Platform.Api.Tests.Devices.TelemetrySamples;

namespace Platform.Api.Tests.Devices;

/// <summary>Latest values and rollups, from readings sent over the HTTP fallback through the projection.</summary>
public sealed class DeviceTelemetryTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    [Fact]
    public async Task Latest_value_of_each_sensor_is_the_last_measured_not_the_last_received()
    {
        var (client, device) = await DeviceAsync();
        await SendAsync(api.Client, device, 1, 1, Base, ("temperature", 3.5m, "C"), ("door", 0, "state"));
        await SendAsync(api.Client, device, 1, 2, Base.AddMinutes(2), ("temperature", 6.25m, "C"));
        await SendAsync(api.Client, device, 1, 3, Base.AddMinutes(1), ("temperature", 4m, "C"), ("door", 1, "state"));

        var latest = await LatestAsync(client, device, l => l.TryGetValue("door", out var door) && door.Value == 1);

        latest["temperature"].Should().Be((6.25m, Base.AddMinutes(2)), "seq 3 was measured before seq 2");
        latest["door"].Should().Be((1m, Base.AddMinutes(1)));
        client.Dispose();
    }

    [Fact]
    public async Task Rollups_hold_min_max_avg_and_count_per_minute_and_per_hour_for_one_sensor_or_all()
    {
        var (client, device) = await DeviceAsync();
        (string, decimal, string) T(decimal value) => ("temperature", value, "C");
        await SendAsync(api.Client, device, 1, 1, Base.AddSeconds(10), T(1.5m));
        await SendAsync(api.Client, device, 1, 2, Base.AddSeconds(50), T(2.5m));
        await SendAsync(api.Client, device, 1, 3, Base.AddSeconds(65), T(4m));
        await SendAsync(api.Client, device, 1, 4, Base.AddMinutes(90), T(-1m));
        await SendAsync(api.Client, device, 1, 5, Base.AddSeconds(20), T(2m), ("humidity", 80m, "%RH"));
        await LatestAsync(client, device, l => l.ContainsKey("temperature"));

        var range = $"sensor=temperature&from={Iso(Base)}&to={Iso(Base.AddHours(2))}";
        List<string> minutes = [];
        await DeviceMqtt.UntilAsync(async () =>
        {
            minutes = Buckets(await GetAsync(client, $"/api/devices/{device.DeviceId}/rollups?{range}&resolution=minute"));
            return minutes.Count == 3 && minutes[0].EndsWith("/3", StringComparison.Ordinal);
        }, "the minute rollups");
        minutes.Should().Equal(
            $"temperature@{Base:O}/1.5/2.5/2/3", $"temperature@{Base.AddMinutes(1):O}/4/4/4/1", $"temperature@{Base.AddMinutes(90):O}/-1/-1/-1/1");
        var hours = Buckets(await GetAsync(client, $"/api/devices/{device.DeviceId}/rollups?{range}&resolution=hour"));
        hours.Should().Equal($"temperature@{Base:O}/1.5/4/2.5/4", $"temperature@{Base.AddHours(1):O}/-1/-1/-1/1");

        var all = Buckets(await GetAsync(client, $"/api/devices/{device.DeviceId}/rollups?resolution=hour&from={Iso(Base)}&to={Iso(Base.AddHours(2))}"));
        all.Should().Equal($"humidity@{Base:O}/80/80/80/1", $"temperature@{Base:O}/1.5/4/2.5/4", $"temperature@{Base.AddHours(1):O}/-1/-1/-1/1");
        var later = Buckets(await GetAsync(client, $"/api/devices/{device.DeviceId}/rollups?sensor=temperature&resolution=hour&from={Iso(Base.AddHours(1))}&to={Iso(Base.AddHours(3))}"));
        later.Should().Equal([$"temperature@{Base.AddHours(1):O}/-1/-1/-1/1"], "the range is [from, to)");
        client.Dispose();
    }

    [Fact]
    public async Task A_range_wider_than_one_answer_keeps_its_most_recent_part()
    {
        var (client, device) = await DeviceAsync();

        var json = await GetAsync(client, $"/api/devices/{device.DeviceId}/rollups?sensor=temperature&from={Iso(Base)}&to={Iso(Base.AddDays(3))}");

        json.GetProperty("from").GetDateTimeOffset().Should().Be(Base.AddDays(2), "a day of minutes at most");
        json.GetProperty("to").GetDateTimeOffset().Should().Be(Base.AddDays(3));
        json.GetProperty("resolution").GetString().Should().Be("minute");
        json.GetProperty("buckets").GetArrayLength().Should().Be(0);
        client.Dispose();
    }

    [Theory]
    [InlineData("sensor=a%20b", "sensor")]
    [InlineData("sensor=temperature&resolution=day", "resolution")]
    [InlineData("sensor=temperature&from=ayer", "from")]
    [InlineData("sensor=temperature&to=1999-12-31T00:00:00Z", "to")]
    [InlineData("sensor=temperature&from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "from")]
    public async Task Bad_rollup_queries_are_refused_naming_the_field(string query, string field)
    {
        var (client, device) = await DeviceAsync();

        using var response = await client.GetAsync(new Uri($"/api/devices/{device.DeviceId}/rollups?{query}", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await TestAccounts.ReadJsonAsync(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Contain(field);
        client.Dispose();
    }

    [Fact]
    public async Task Another_tenants_device_is_not_found()
    {
        var (owner, device) = await DeviceAsync();
        await SendAsync(api.Client, device, 1, 1, Base, ("temperature", 3m, "C"));
        await LatestAsync(owner, device, l => l.Count > 0);
        var other = await TestAccounts.RegisterTenantAsync(api.Client);
        using var stranger = api.Client.WithBearer(other);

        foreach (var path in new[] { "latest", $"rollups?sensor=temperature&from={Iso(Base)}&to={Iso(Base.AddHours(1))}" })
        {
            using var response = await stranger.GetAsync(new Uri($"/api/devices/{device.DeviceId}/{path}", UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, path);
            (await response.Content.ReadAsStringAsync()).Should().NotContain("temperature\",\"value");
        }
        using var missing = await owner.GetAsync(new Uri($"/api/devices/{Guid.NewGuid()}/latest", UriKind.Relative));
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        owner.Dispose();
    }

    private async Task<(HttpClient Client, TestDevice Device)> DeviceAsync()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        var client = api.Client.WithBearer(owner);
        return (client, await DeviceSamples.RegisterAsync(client));
    }

    private static List<string> Buckets(JsonElement json) => [.. json.GetProperty("buckets").EnumerateArray().Select(b =>
        $"{b.GetProperty("sensor").GetString()}@{b.GetProperty("start").GetDateTimeOffset():O}/{N(b, "min")}/{N(b, "max")}/{N(b, "avg")}/{b.GetProperty("count").GetInt64()}")];

    // Without trailing zeros: 2.000000 is 2.
    private static string N(JsonElement bucket, string name) =>
        (bucket.GetProperty(name).GetDecimal() / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}

using System.Net;
using System.Net.Http.Json;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Devices;

/// <summary>The HTTP fallback: the device's own credentials, the same payload and ack as over MQTT.</summary>
public sealed class DeviceReadingsHttpTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    [Fact]
    public async Task Readings_are_stored_once_and_acknowledged_up_to_the_highest_contiguous_seq()
    {
        var device = await RegisterAsync();

        (await AckAsync(device, DeviceSamples.Payload(7, 1))).Should().Be((1, false));
        (await AckAsync(device, DeviceSamples.Payload(7, 3))).Should().Be((1, false), "seq 2 is missing");
        (await AckAsync(device, DeviceSamples.Payload(7, 2))).Should().Be((3, false), "2 closes the gap up to 3");
        (await AckAsync(device, DeviceSamples.Payload(7, 2))).Should().Be((3, true), "a resend is acknowledged again, not stored again");
        (await AckAsync(device, DeviceSamples.Payload(8, 5, first: 5))).Should().Be((5, false), "below first is done: the device dropped it");
        (await AckAsync(device, DeviceSamples.Payload(4_294_967_295, 1))).Should().Be((1, false), "boot is any 32-bit counter");

        var stored = await api.ScalarAsync<long>(
            "select count(*) from events where stream_id = $1 and type = 'devices.reading-recorded.v1'", $"device-{device.DeviceId:D}");
        stored.Should().Be(5);
        var value = await api.ScalarAsync<string>(
            "select data->'values'->>'temperature' from events where stream_id = $1 order by version limit 1", $"device-{device.DeviceId:D}");
        value.Should().Be("3.125", "fixed-point values are kept exactly");
    }

    [Theory]
    [InlineData("not json", "payload")]
    [InlineData("""{"seq":1,"ts":0,"readings":[]}""", "boot")]
    [InlineData("""{"boot":1,"seq":0,"ts":0,"readings":[{"sensor":"t","value":1,"unit":"C"}]}""", "seq")]
    [InlineData("""{"boot":1,"seq":1,"ts":0,"readings":[]}""", "readings")]
    [InlineData("""{"boot":1,"seq":1,"ts":0,"readings":[{"sensor":"t","value":"1","unit":"C"}]}""", "readings[0].value")]
    [InlineData("""{"boot":1,"seq":1,"ts":0,"readings":[{"sensor":"a b","value":1,"unit":"C"}]}""", "readings[0].sensor")]
    [InlineData("""{"boot":1,"seq":1,"ts":99999999999999,"readings":[{"sensor":"t","value":1,"unit":"C"}]}""", "ts")]
    [InlineData("""{"boot":1,"seq":3,"first":4,"ts":0,"readings":[{"sensor":"t","value":1,"unit":"C"}]}""", "first")]
    public async Task Bad_payloads_are_refused_naming_the_field_and_store_nothing(string payload, string field)
    {
        var device = await RegisterAsync();

        using var response = await DeviceSamples.PostReadingsAsync(api.Client, device, payload);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await TestAccounts.ReadJsonAsync(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Contain(field);
        (await api.ScalarAsync<long>("select count(*) from events where stream_id = $1", $"device-{device.DeviceId:D}")).Should().Be(0);
    }

    [Fact]
    public async Task Rotation_and_revocation_take_effect_at_once()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var device = await DeviceSamples.RegisterAsync(client);
        (await DeviceSamples.PostReadingsAsync(api.Client, device, DeviceSamples.Payload(1, 1), password: "wrong")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        using var rotated = await client.PostAsync(new Uri($"/api/devices/{device.DeviceId}/rotate", UriKind.Relative), null);
        var fresh = TestDevice.From(await TestAccounts.ReadJsonAsync(rotated));
        fresh.Password.Should().NotBe(device.Password);
        (await DeviceSamples.PostReadingsAsync(api.Client, device, DeviceSamples.Payload(1, 1))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await DeviceSamples.PostReadingsAsync(api.Client, fresh, DeviceSamples.Payload(1, 1))).StatusCode.Should().Be(HttpStatusCode.OK);

        (await client.PostAsJsonAsync(new Uri($"/api/devices/{device.DeviceId}/revoke", UriKind.Relative), new { reason = "dado de baja" }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await DeviceSamples.PostReadingsAsync(api.Client, fresh, DeviceSamples.Payload(1, 2))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await api.ScalarAsync<long>("select count(*) from events where stream_id = $1", $"device-{device.DeviceId:D}")).Should().Be(1);
    }

    private async Task<TestDevice> RegisterAsync()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        return await DeviceSamples.RegisterAsync(client);
    }

    private async Task<(long Seq, bool Duplicate)> AckAsync(TestDevice device, string payload)
    {
        using var response = await DeviceSamples.PostReadingsAsync(api.Client, device, payload);
        var json = await TestAccounts.ReadJsonAsync(response);
        response.StatusCode.Should().Be(HttpStatusCode.OK, json.ToString());
        return (json.GetProperty("seq").GetInt64(), json.GetProperty("duplicate").GetBoolean());
    }
}

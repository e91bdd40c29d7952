using System.Net;
using System.Net.Http.Json;
using Platform.Api.Tests.Auth;
using Platform.Ingest.Mqtt;
using Platform.Testing;

namespace Platform.Api.Tests.Devices;

/// <summary>
/// The host with Platform:Mqtt:Embedded=true: its own mosquitto, accounts from the registry, the
/// ingest worker. A device connects with the credentials registration gave it, and nothing else.
/// </summary>
public sealed class EmbeddedBrokerTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly string folder = TestDirectories.Create();
    private readonly int port = ApiHost.FreePort();
    private ApiHost? host;

    private ApiHost Host => host!;

    public async Task InitializeAsync() => host = await ApiHost.StartAsync(
        $"--ConnectionStrings:Platform={database.ConnectionString}", "--Platform:Mqtt:Embedded=true", $"--Platform:Mqtt:Port={port}",
        $"--Platform:DataDirectory={folder}", "--Platform:RateLimits:PerUserPerMinute=100000", "--Platform:RateLimits:PerTenantPerMinute=100000");

    public async Task DisposeAsync()
    {
        if (host is not null) await host.DisposeAsync();
        await TestDirectories.DeleteAsync(folder);
    }

    [Fact]
    public async Task A_registered_device_publishes_its_readings_and_gets_acks_but_cannot_write_for_another_device_or_tenant()
    {
        var a = await TestAccounts.RegisterTenantAsync(Host.Client);
        using var asA = Host.Client.WithBearer(a);
        var device = await DeviceSamples.RegisterAsync(asA);
        var sibling = await DeviceSamples.RegisterAsync(asA, DeviceSamples.Fridge("Otra nevera"));
        var b = await TestAccounts.RegisterTenantAsync(Host.Client);
        using var asB = Host.Client.WithBearer(b);
        var foreign = await DeviceSamples.RegisterAsync(asB);
        await using var client = await DeviceMqtt.ConnectAsync(port, device);

        await client.PublishAsync(device.Telemetry.Replace("/telemetry", "/status", StringComparison.Ordinal), "{\"online\":true}");
        await client.PublishAsync(sibling.Telemetry, DeviceSamples.Payload(1, 1));
        await client.PublishAsync(foreign.Telemetry, DeviceSamples.Payload(1, 1));
        await client.PublishAsync($"tenants/{b.TenantId:D}/devices/{device.DeviceId:D}/telemetry", DeviceSamples.Payload(1, 1));
        foreach (var seq in new[] { 1, 2, 3 }) await client.PublishAsync(device.Telemetry, DeviceSamples.Payload(9, seq));
        await client.AckAsync(9, 3);

        (await CountAsync(device)).Should().Be(3);
        (await CountAsync(sibling)).Should().Be(0, "the broker's ACL drops what a device writes under another device's topic");
        (await CountAsync(foreign)).Should().Be(0, "or under another tenant's");
        await DeviceMqtt.UntilAsync(async () =>
        {
            using var read = await asA.GetAsync(new Uri($"/api/devices/{device.DeviceId}", UriKind.Relative));
            return (await TestAccounts.ReadJsonAsync(read)).GetProperty("online").GetBoolean();
        }, "the device to show online");
        using var health = await Host.Client.GetAsync(new Uri("/health", UriKind.Relative));
        (await health.Content.ReadAsStringAsync()).Should().Contain("\"ingest\"").And.Contain("connected; 3 stored");
    }

    [Fact]
    public async Task Rotation_and_revocation_disconnect_the_device_and_refuse_its_old_credentials()
    {
        var owner = await TestAccounts.RegisterTenantAsync(Host.Client);
        using var asOwner = Host.Client.WithBearer(owner);
        var device = await DeviceSamples.RegisterAsync(asOwner);
        await using var connected = await DeviceMqtt.ConnectAsync(port, device);

        using var rotated = await asOwner.PostAsync(new Uri($"/api/devices/{device.DeviceId}/rotate", UriKind.Relative), null);
        var fresh = TestDevice.From(await TestAccounts.ReadJsonAsync(rotated));
        await DeviceMqtt.UntilAsync(() => Task.FromResult(connected.LastCloseReason is not null), "the broker to drop the rotated device");
        await DeviceMqtt.UntilAsync(async () => await DeviceMqtt.TryConnectAsync(port, fresh) is null, "the new password to work");
        (await DeviceMqtt.TryConnectAsync(port, device)).Should().BeOneOf(ConnectReturnCode.BadUsernameOrPassword, ConnectReturnCode.NotAuthorized);

        await using var again = await DeviceMqtt.ConnectAsync(port, fresh);
        (await asOwner.PostAsJsonAsync(new Uri($"/api/devices/{device.DeviceId}/revoke", UriKind.Relative), new { reason = "robado" }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        await DeviceMqtt.UntilAsync(() => Task.FromResult(again.LastCloseReason is not null), "the broker to drop the revoked device");
        await DeviceMqtt.UntilAsync(async () => await DeviceMqtt.TryConnectAsync(port, fresh) is not null, "the revoked device to be refused");
        (await DeviceMqtt.TryConnectAsync(port, fresh)).Should().BeOneOf(ConnectReturnCode.BadUsernameOrPassword, ConnectReturnCode.NotAuthorized);
    }

    private async Task<long> CountAsync(TestDevice device)
    {
        await using var command = database.DataSource.CreateCommand("select count(*) from events where tenant_id = $1 and stream_id = $2");
        command.Parameters.Add(new() { Value = device.TenantId });
        command.Parameters.Add(new() { Value = $"device-{device.DeviceId:D}" });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

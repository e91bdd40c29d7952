using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Devices;

public sealed class DeviceRegistryTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    [Fact]
    public async Task A_device_is_registered_with_credentials_shown_once_and_read_back_without_them()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);

        var device = await DeviceSamples.RegisterAsync(client);
        device.TenantId.Should().Be(owner.TenantId);
        device.Password.Should().HaveLength(32);
        device.Telemetry.Should().Be($"tenants/{owner.TenantId:D}/devices/{device.DeviceId:D}/telemetry");
        var hash = await api.ScalarAsync<string>("select secret_hash from devices where device_id = $1", device.DeviceId);
        hash.Should().StartWith("$7$101$").And.NotContain(device.Password);

        using var read = await client.GetAsync(new Uri($"/api/devices/{device.DeviceId}", UriKind.Relative));
        read.Headers.ETag!.Tag.Should().Be("\"1\"");
        var text = await read.Content.ReadAsStringAsync();
        text.Should().NotContain(device.Password).And.NotContain("$7$");
        var json = await TestAccounts.ReadJsonAsync(read);
        json.GetProperty("profile").GetString().Should().Be("fridge-temperature");
        json.GetProperty("sensors").EnumerateArray().Select(s => s.GetProperty("name").GetString()).Should().Equal("temperature", "door");
        (json.GetProperty("status").GetString(), json.GetProperty("online").GetBoolean()).Should().Be(("active", false));

        using var list = await client.GetAsync(new Uri("/api/devices?status=active", UriKind.Relative));
        (await TestAccounts.ReadJsonAsync(list)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("deviceId").GetGuid())
            .Should().Equal(device.DeviceId);
    }

    [Fact]
    public async Task Every_role_reads_devices_but_only_owners_and_admins_change_them()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var asOwner = api.Client.WithBearer(owner);
        var device = await DeviceSamples.RegisterAsync(asOwner);
        var viewer = await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, owner.TenantId, "viewer");
        var admin = await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, owner.TenantId, "admin");
        using var asViewer = api.Client.WithBearer(viewer);
        using var asAdmin = api.Client.WithBearer(admin);

        (await asViewer.GetAsync(new Uri($"/api/devices/{device.DeviceId}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await asViewer.GetAsync(new Uri("/api/devices", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await asViewer.PostAsJsonAsync(new Uri("/api/devices", UriKind.Relative), DeviceSamples.Fridge())).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await asViewer.PostAsync(new Uri($"/api/devices/{device.DeviceId}/rotate", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await asAdmin.PostAsync(new Uri($"/api/devices/{device.DeviceId}/rotate", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await asAdmin.PostAsJsonAsync(new Uri($"/api/devices/{device.DeviceId}/revoke", UriKind.Relative), new { reason = "robado" }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        using var again = await asAdmin.PostAsJsonAsync(new Uri($"/api/devices/{device.DeviceId}/revoke", UriKind.Relative), new { reason = "otra vez" });
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await api.ScalarAsync<string>("select status from devices where device_id = $1", device.DeviceId)).Should().Be("revoked");
        (await api.ScalarAsync<long>("select count(*) from events where stream_id = $1", $"device-registry-{device.DeviceId:D}")).Should().Be(3);
    }

    [Theory]
    [InlineData("name", "\"\"", "name")]
    [InlineData("profile", "\"toaster\"", "profile")]
    [InlineData("profile", null, "profile")]
    [InlineData("sensors", "[{\"name\":\"Temp!\",\"unit\":\"C\"}]", "sensors[0].name")]
    [InlineData("sensors", "[{\"name\":\"t\",\"unit\":\"centigrados\"}]", "sensors[0].unit")]
    [InlineData("sensors", "[{\"name\":\"t\",\"unit\":\"C\"},{\"name\":\"t\",\"unit\":\"C\"}]", "sensors")]
    public async Task Bad_registrations_are_refused_naming_the_field_and_store_nothing(string field, string? json, string named)
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var body = DeviceSamples.Fridge();
        body[field] = json is null ? null : JsonNode.Parse(json);

        using var response = await client.PostAsJsonAsync(new Uri("/api/devices", UriKind.Relative), body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await TestAccounts.ReadJsonAsync(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Contain(named);
        (await api.ScalarAsync<long>("select count(*) from devices where tenant_id = $1", owner.TenantId)).Should().Be(0);
    }

    [Fact]
    public async Task A_custom_device_declares_its_sensors_and_the_plan_limits_the_count()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var custom = new JsonObject { ["name"] = "Medidor de CO2", ["profile"] = "custom", ["sensors"] = JsonNode.Parse("""[{"name":"co2","unit":"ppm"}]""") };
        await DeviceSamples.RegisterAsync(client, custom);
        for (var i = 1; i < 10; i++) await DeviceSamples.RegisterAsync(client, DeviceSamples.Fridge($"Nevera {i}"));

        using var eleventh = await client.PostAsJsonAsync(new Uri("/api/devices", UriKind.Relative), DeviceSamples.Fridge("Una más"));

        eleventh.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await TestAccounts.ReadJsonAsync(eleventh);
        (problem.GetProperty("type").GetString(), problem.GetProperty("resource").GetString(), problem.GetProperty("limit").GetInt32())
            .Should().Be(("/problems/plan-limit-reached", "devices", 10));
        using var tenant = await client.GetAsync(new Uri("/api/tenant", UriKind.Relative));
        (await TestAccounts.ReadJsonAsync(tenant)).GetProperty("usage").EnumerateArray().Single(u => u.GetProperty("resource").GetString() == "devices")
            .GetProperty("used").GetInt64().Should().Be(10);
    }
}

using System.Net;
using System.Net.Http.Json;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Devices;

public sealed class DeviceIsolationTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    [Fact]
    public async Task Tenant_B_cannot_read_change_or_feed_tenant_As_device()
    {
        var a = await TestAccounts.RegisterTenantAsync(api.Client);
        using var asA = api.Client.WithBearer(a);
        var device = await DeviceSamples.RegisterAsync(asA);
        var b = await TestAccounts.RegisterTenantAsync(api.Client);
        using var asB = api.Client.WithBearer(b);
        var before = await FingerprintAsync(a.TenantId);

        (await asB.GetAsync(new Uri($"/api/devices/{device.DeviceId}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await asB.PostAsync(new Uri($"/api/devices/{device.DeviceId}/rotate", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await asB.PostAsJsonAsync(new Uri($"/api/devices/{device.DeviceId}/revoke", UriKind.Relative), new { reason = "x" }))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var list = await asB.GetAsync(new Uri("/api/devices", UriKind.Relative));
        (await list.Content.ReadAsStringAsync()).Should().NotContain(device.DeviceId.ToString());

        // A user's token is not a device's credential, whoever's it is.
        using var withToken = await asB.PostAsync(new Uri($"/api/devices/{device.DeviceId}/readings", UriKind.Relative),
            new StringContent(DeviceSamples.Payload(1, 1), System.Text.Encoding.UTF8, "application/json"));
        withToken.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using var anonymous = await api.Client.PostAsync(new Uri($"/api/devices/{device.DeviceId}/readings", UriKind.Relative),
            new StringContent(DeviceSamples.Payload(1, 1), System.Text.Encoding.UTF8, "application/json"));
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var other = await DeviceSamples.RegisterAsync(asB);
        using var crossed = await DeviceSamples.PostReadingsAsync(api.Client, device, DeviceSamples.Payload(1, 1), other.Password, other.Username);
        crossed.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "B's device credentials do not open A's device");

        (await FingerprintAsync(a.TenantId)).Should().Be(before);
    }

    private Task<string?> FingerprintAsync(Guid tenant) => api.ScalarAsync<string>("""
        select concat_ws('|', (select count(*) || ':' || coalesce(max(position), 0) from events where tenant_id = $1),
               (select string_agg(concat_ws(',', device_id, status, version, secret_hash), ';') from devices where tenant_id = $1))
        """, tenant);
}

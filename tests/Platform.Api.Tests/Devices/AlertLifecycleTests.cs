using System.Net;
using System.Net.Http.Json;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Devices;

/// <summary>Readings through the HTTP fallback, the alerts reactor behind them, alerts read and acknowledged over HTTP.</summary>
public sealed class AlertLifecycleTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    [Fact]
    public async Task The_fridge_above_5_degrees_for_10_minutes_raises_a_major_alert_that_is_acknowledged_and_clears()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var asOwner = api.Client.WithBearer(owner);
        var device = await DeviceSamples.RegisterAsync(asOwner);

        await AlertSamples.SendAsync(api.Client, device, 1, 0, 4.0m);
        await AlertSamples.SendAsync(api.Client, device, 2, 1, 6.0m);
        await AlertSamples.SendAsync(api.Client, device, 3, 6, 6.5m);
        await Task.Delay(300);
        (await AlertSamples.ActiveAsync(asOwner, device, 0)).GetProperty("items").GetArrayLength().Should().Be(0, "5 minutes above is not 10");
        await AlertSamples.SendAsync(api.Client, device, 4, 11, 6.8m);

        var alert = (await AlertSamples.ActiveAsync(asOwner, device, 1)).GetProperty("items")[0];
        alert.GetProperty("severity").GetString().Should().Be("major");
        alert.GetProperty("ruleName").GetString().Should().Be("Temperatura alta");
        alert.GetProperty("condition").GetString().Should().Be("temperature por encima de 5 durante 10 min");
        alert.GetProperty("value").GetDecimal().Should().Be(6.8m);
        alert.GetProperty("raisedAt").GetDateTimeOffset().Should().Be(AlertSamples.Start.AddMinutes(11));
        alert.GetProperty("deviceName").GetString().Should().Be("Nevera principal");
        var alertId = alert.GetProperty("alertId").GetGuid();
        (await api.ScalarAsync<string>("select payload->>'message' from outbox where tenant_id = $1 and kind = 'device-alert'", owner.TenantId))
            .Should().Be("Alerta Mayor en Nevera principal: Temperatura alta (temperature por encima de 5 durante 10 min). Valor: 6.8.");

        var viewer = await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, owner.TenantId, "viewer");
        using var asViewer = api.Client.WithBearer(viewer);
        (await asViewer.GetAsync(new Uri($"/api/alerts/{alertId}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await asViewer.PostAsJsonAsync(new Uri($"/api/alerts/{alertId}/acknowledge", UriKind.Relative), new { note = "visto" }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using var acknowledged = await asOwner.PostAsJsonAsync(new Uri($"/api/alerts/{alertId}/acknowledge", UriKind.Relative), new { note = "Reviso el compresor" });
        var view = await TestAccounts.ReadJsonAsync(acknowledged);
        acknowledged.StatusCode.Should().Be(HttpStatusCode.OK, view.ToString());
        view.GetProperty("acknowledgedBy").GetGuid().Should().Be(owner.UserId);
        view.GetProperty("acknowledgementNote").GetString().Should().Be("Reviso el compresor");
        acknowledged.Headers.ETag!.Tag.Should().Be("\"2\"");

        await AlertSamples.SendAsync(api.Client, device, 5, 13, 3.9m);
        var past = (await AlertSamples.PastAsync(asOwner, device, 1)).GetProperty("items")[0];
        past.GetProperty("status").GetString().Should().Be("cleared");
        past.GetProperty("clearReason").GetString().Should().Be("recovered");
        past.GetProperty("clearedAt").GetDateTimeOffset().Should().Be(AlertSamples.Start.AddMinutes(13));
        (await AlertSamples.ActiveAsync(asOwner, device, 0)).GetProperty("items").GetArrayLength().Should().Be(0);
        (await AlertSamples.EventTypesAsync(api, alertId)).Should().Equal(
            "devices.alert-raised.v1", "devices.alert-acknowledged.v1", "devices.alert-cleared.v1");
    }

    [Fact]
    public async Task Above_8_degrees_for_10_minutes_escalates_to_critical_and_back_to_major()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var asOwner = api.Client.WithBearer(owner);
        var device = await DeviceSamples.RegisterAsync(asOwner);

        var seq = 0;
        foreach (var (minutes, value) in new[] { (0.0, 6.0m), (10, 6.2m), (11, 9m), (21, 9.4m), (22, 7m), (23, 7.5m) })
            await AlertSamples.SendAsync(api.Client, device, ++seq, minutes, value);

        var alert = (await AlertSamples.EventuallyAsync(asOwner, $"/api/alerts?deviceId={device.DeviceId}",
            j => j.GetProperty("items").GetArrayLength() == 1 && j.GetProperty("items")[0].GetProperty("version").GetInt64() == 3)).GetProperty("items")[0];
        alert.GetProperty("severity").GetString().Should().Be("major");
        (await AlertSamples.EventTypesAsync(api, alert.GetProperty("alertId").GetGuid())).Should().Equal(
            "devices.alert-raised.v1", "devices.alert-escalated.v1", "devices.alert-deescalated.v1");
        (await api.ScalarAsync<long>("select count(*) from outbox where tenant_id = $1 and kind = 'device-alert'", owner.TenantId))
            .Should().Be(2, "a raise and an escalation notify; a de-escalation does not");
    }

    [Fact]
    public async Task Another_tenants_alert_is_not_found_and_not_listed()
    {
        var a = await TestAccounts.RegisterTenantAsync(api.Client);
        using var asA = api.Client.WithBearer(a);
        var device = await DeviceSamples.RegisterAsync(asA);
        await AlertSamples.SendAsync(api.Client, device, 1, 0, 9m);
        await AlertSamples.SendAsync(api.Client, device, 2, 10, 9m);
        var alertId = (await AlertSamples.ActiveAsync(asA, device, 1)).GetProperty("items")[0].GetProperty("alertId").GetGuid();
        var b = await TestAccounts.RegisterTenantAsync(api.Client);
        using var asB = api.Client.WithBearer(b);

        (await asB.GetAsync(new Uri($"/api/alerts/{alertId}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await asB.PostAsJsonAsync(new Uri($"/api/alerts/{alertId}/acknowledge", UriKind.Relative), new { note = "x" }))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await asB.GetAsync(new Uri($"/api/devices/{device.DeviceId}/rules", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var list = await asB.GetAsync(new Uri($"/api/alerts?deviceId={device.DeviceId}", UriKind.Relative));
        (await list.Content.ReadAsStringAsync()).Should().NotContain(alertId.ToString());
        (await api.ScalarAsync<long>("select count(*) from events where stream_id = $1", $"device-alert-{alertId:D}")).Should().Be(1, "B acknowledged nothing");
    }
}

using System.Net;
using System.Net.Http.Json;
using Platform.Api.Tests.Auth;
using Platform.Api.Tests.Devices;
using Platform.Api.Tests.Leads;

namespace Platform.Api.Tests.Analytics;

public sealed class DeviceFiguresTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    [Fact]
    public async Task Readings_per_day_and_alerts_by_severity_equal_the_same_figures_computed_from_the_events()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var fridge = await DeviceSamples.RegisterAsync(client);
        var freezer = await DeviceSamples.RegisterAsync(client, DeviceSamples.Fridge("Congelador"));
        var gone = await DeviceSamples.RegisterAsync(client, DeviceSamples.Fridge("Vieja"));
        (await client.PostAsJsonAsync(new Uri($"/api/devices/{gone.DeviceId}/revoke", UriKind.Relative), new { reason = "dada de baja" }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        var seq = 0;
        foreach (var (minutes, temperature) in new[] { (0, 4.0m), (1, 6.0m), (6, 6.5m), (11, 6.8m) }) await AlertSamples.SendAsync(api.Client, fridge, ++seq, minutes, temperature);
        for (var i = 1; i <= 3; i++)
        {
            using var response = await DeviceSamples.PostReadingsAsync(api.Client, freezer, DeviceSamples.Payload(1, i));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }
        await AlertSamples.ActiveAsync(client, fridge, 1);
        var (from, to, query) = Converging.AroundToday();

        var expected = await DeviceFiguresOracle.FromEventsAsync(api.Database.DataSource, owner.TenantId, from, to);
        expected["devices"].Should().Be(2);
        expected["revoked"].Should().Be(1);
        expected["readings"].Should().Be(7);
        expected[$"readings:{fridge.DeviceId:D}"].Should().Be(4);
        expected["severity:major"].Should().Be(1);
        expected[$"alerts:{fridge.DeviceId:D}:major"].Should().Be(1);
        var answer = await Converging.FiguresAsync(client, $"/api/analytics/devices?{query}", DeviceFiguresOracle.Figures, expected);
        answer.GetProperty("perDevice")[0].GetProperty("name").GetString().Should().Be("Nevera principal");
        answer.GetProperty("alertsBySeverity").GetArrayLength().Should().Be(4);

        var stranger = await TestAccounts.RegisterTenantAsync(api.Client);
        using var strangerClient = api.Client.WithBearer(stranger);
        var empty = await LeadRequests.GetJsonAsync(strangerClient, $"/api/analytics/devices?{query}");
        empty.GetProperty("devices").GetInt64().Should().Be(0, "a tenant without devices gets empty figures, and never another's");
        empty.GetProperty("readings").GetInt64().Should().Be(0);
        empty.GetProperty("readingsPerDay").GetArrayLength().Should().Be(0);
        empty.GetProperty("perDevice").GetArrayLength().Should().Be(0);
        empty.GetProperty("alertsBySeverity").EnumerateArray().Select(s => s.GetProperty("raised").GetInt64()).Should().Equal(0, 0, 0, 0);
    }
}

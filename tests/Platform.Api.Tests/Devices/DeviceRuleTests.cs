using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Auth;
using Platform.Projections.Alerts;

namespace Platform.Api.Tests.Devices;

public sealed class DeviceRuleTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    public static JsonObject Band() => new()
    {
        ["name"] = "Fuera de rango", ["kind"] = "threshold", ["sensor"] = "temperature", ["holdSeconds"] = 0,
        ["levels"] = new JsonArray(new JsonObject { ["severity"] = "minor", ["above"] = 8, ["below"] = 2 }),
    };

    [Fact]
    public async Task A_fridge_starts_with_its_profiles_rules_and_takes_new_ones()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var asOwner = api.Client.WithBearer(owner);
        var device = await DeviceSamples.RegisterAsync(asOwner);

        var rules = await TestAccounts.ReadJsonAsync(await asOwner.GetAsync(new Uri($"/api/devices/{device.DeviceId}/rules", UriKind.Relative)));
        rules.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("template").GetString())
            .Should().BeEquivalentTo("fridge-warm", "fridge-freezing", "door-open", "no-data");

        using var added = await asOwner.PostAsJsonAsync(new Uri($"/api/devices/{device.DeviceId}/rules", UriKind.Relative), Band());
        added.StatusCode.Should().Be(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var ruleId = (await TestAccounts.ReadJsonAsync(added)).GetProperty("ruleId").GetGuid();
        var rule = await TestAccounts.ReadJsonAsync(await asOwner.GetAsync(added.Headers.Location!));
        rule.GetProperty("levels")[0].GetProperty("below").GetDecimal().Should().Be(2m);
        rule.GetProperty("kind").GetString().Should().Be("threshold");

        await AlertSamples.SendAsync(api.Client, device, 1, 0, 1.5m);
        var alert = (await AlertSamples.ActiveAsync(asOwner, device, 1)).GetProperty("items")[0];
        alert.GetProperty("ruleId").GetGuid().Should().Be(ruleId);
        alert.GetProperty("condition").GetString().Should().Be("temperature fuera de 2 a 8");

        using var stale = new HttpRequestMessage(HttpMethod.Delete, new Uri($"/api/devices/{device.DeviceId}/rules/{ruleId}", UriKind.Relative));
        stale.Headers.TryAddWithoutValidation("If-Match", "\"7\"");
        (await asOwner.SendAsync(stale)).StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        (await asOwner.DeleteAsync(new Uri($"/api/devices/{device.DeviceId}/rules/{ruleId}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var past = (await AlertSamples.PastAsync(asOwner, device, 1)).GetProperty("items")[0];
        past.GetProperty("clearReason").GetString().Should().Be("rule-removed");
        (await asOwner.GetAsync(new Uri($"/api/devices/{device.DeviceId}/rules/{ruleId}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("levels[0].below", """{"name":"x","kind":"threshold","sensor":"temperature","levels":[{"severity":"major","above":2,"below":8}]}""")]
    [InlineData("levels[0]", """{"name":"x","kind":"threshold","sensor":"temperature","levels":[{"severity":"major"}]}""")]
    [InlineData("levels", """{"name":"x","kind":"threshold","sensor":"temperature","levels":[{"severity":"major","above":1},{"severity":"major","above":2}]}""")]
    [InlineData("sensor", """{"name":"x","kind":"threshold","sensor":"humidity","levels":[{"severity":"major","above":1}]}""")]
    [InlineData("noDataMinutes", """{"name":"x","kind":"no-data","levels":[{"severity":"major"}]}""")]
    [InlineData("holdSeconds", """{"name":"x","kind":"threshold","sensor":"temperature","holdSeconds":-1,"levels":[{"severity":"major","above":1}]}""")]
    [InlineData("name", """{"kind":"threshold","sensor":"temperature","levels":[{"severity":"major","above":1}]}""")]
    public async Task A_bad_rule_is_refused_naming_the_field_and_stores_nothing(string field, string body)
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var asOwner = api.Client.WithBearer(owner);
        var device = await DeviceSamples.RegisterAsync(asOwner);

        using var response = await asOwner.PostAsync(new Uri($"/api/devices/{device.DeviceId}/rules", UriKind.Relative),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await TestAccounts.ReadJsonAsync(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Contain(field);
        (await api.ScalarAsync<long>("select count(*) from device_rules where tenant_id = $1", owner.TenantId)).Should().Be(4);
    }

    [Fact]
    public async Task No_data_for_15_minutes_raises_an_alert_that_clears_when_readings_come_back()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var asOwner = api.Client.WithBearer(owner);
        var device = await DeviceSamples.RegisterAsync(asOwner);
        await AlertSamples.SendAsync(api.Client, device, 1, 0, 4m);
        var sweep = api.Host.Services.GetRequiredService<NoDataSweep>();

        await WaitForWatchesAsync(device);
        (await sweep.SweepAsync(DateTimeOffset.UtcNow.AddMinutes(14))).Should().Be(0);
        (await sweep.SweepAsync(DateTimeOffset.UtcNow.AddMinutes(16))).Should().BeGreaterThanOrEqualTo(1);

        var alert = (await AlertSamples.ActiveAsync(asOwner, device, 1)).GetProperty("items")[0];
        alert.GetProperty("ruleName").GetString().Should().Be("Sin datos");
        alert.GetProperty("condition").GetString().Should().Be("sin datos durante 15 min");
        await AlertSamples.SendAsync(api.Client, device, 2, 20, 4m);
        (await AlertSamples.PastAsync(asOwner, device, 1)).GetProperty("items")[0].GetProperty("clearReason").GetString().Should().Be("data-resumed");
    }

    // The sweep counts silence from the reading only once the reactor has applied it (and made the device's watches).
    private async Task WaitForWatchesAsync(TestDevice device)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await api.ScalarAsync<long>(
                   "select count(*) from alert_rule_watches where device_id = $1 and progress->>'lastValue' is not null", device.DeviceId) == 0)
        {
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20));
            await Task.Delay(50);
        }
    }
}

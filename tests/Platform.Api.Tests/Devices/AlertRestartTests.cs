using Platform.Api.Tests.Auth;
using Platform.Testing;

namespace Platform.Api.Tests.Devices;

/// <summary>A rule's evaluation lives in the database: a host that stops mid-hold leaves it to the next one.</summary>
public sealed class AlertRestartTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task A_hold_started_before_a_restart_raises_the_alert_after_it()
    {
        TestAccount owner;
        TestDevice device;
        await using (var before = await StartAsync())
        {
            owner = await TestAccounts.RegisterTenantAsync(before.Client);
            using var asOwner = before.Client.WithBearer(owner);
            device = await DeviceSamples.RegisterAsync(asOwner);
            await AlertSamples.SendAsync(before.Client, device, 1, 0, 6m);
            await AlertSamples.SendAsync(before.Client, device, 2, 6, 6.5m);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (await ScalarAsync("select count(*) from alert_rule_watches where device_id = $1 and progress->>'lastValue' = '6.5'", device.DeviceId) == 0)
            {
                clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20));
                await Task.Delay(50);
            }
        }

        await using var after = await StartAsync();
        var (token, _) = await TestAccounts.SignInAsync(after.Client, owner.Email, owner.Password);
        using var signedIn = after.Client.WithBearer(token);
        await AlertSamples.SendAsync(after.Client, device, 3, 10.5, 6.2m);

        var alert = (await AlertSamples.ActiveAsync(signedIn, device, 1)).GetProperty("items")[0];
        alert.GetProperty("severity").GetString().Should().Be("major");
        alert.GetProperty("raisedAt").GetDateTimeOffset().Should().Be(AlertSamples.Start.AddMinutes(10.5), "the hold began at minute 0, before the restart");
    }

    private Task<ApiHost> StartAsync() => ApiHost.StartAsync($"--ConnectionStrings:Platform={database.ConnectionString}");

    private async Task<long> ScalarAsync(string sql, Guid id)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        command.Parameters.Add(new() { Value = id });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Auth;
using Platform.Write.Devices;
using Platform.Write.EventStore;
using Xunit.Abstractions;

namespace Platform.Api.Tests.Devices;

/// <summary>
/// 10 fridges × 1,000 readings stored through the ingest's bulk path in one transaction: the reactor
/// applies them in batches and every fridge gets exactly its two alerts, each raised and cleared once.
/// </summary>
public sealed class AlertReactorVolumeTests(AuthApiFixture api, ITestOutputHelper output) : IClassFixture<AuthApiFixture>
{
    private const int Devices = 10;
    private const int PerDevice = 1_000;

    [Fact]
    public async Task Ten_thousand_readings_raise_and_clear_each_alert_exactly_once()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var asOwner = api.Client.WithBearer(owner);
        var fridges = new List<TestDevice>();
        for (var i = 0; i < Devices; i++) fridges.Add(await DeviceSamples.RegisterAsync(asOwner, DeviceSamples.Fridge($"Nevera {i}")));
        var readings = fridges.SelectMany(f => Enumerable.Range(1, PerDevice).Select(seq => Readings.ToBulkEvent(owner.TenantId, new ReadingRecorded(
            f.DeviceId.ToString("D"), 1, seq, AlertSamples.Start.AddSeconds(30 * seq), new Dictionary<string, decimal> { ["temperature"] = Temperature(seq), ["door"] = 0m }))))
            .ToList();

        var clock = Stopwatch.StartNew();
        await api.Host.Services.GetRequiredService<BulkAppender>().AppendAsync(readings);
        var stored = clock.Elapsed;
        while (await api.ScalarAsync<long>("select count(*) from device_alerts where tenant_id = $1 and status = 'cleared'", owner.TenantId) < 2 * Devices
               || await LastSeqAppliedAsync(fridges[^1]) < PerDevice)
        {
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(90));
            await Task.Delay(100);
        }
        output.WriteLine($"{readings.Count} readings stored in {stored.TotalMilliseconds:F0} ms; alerts applied {(clock.Elapsed - stored).TotalMilliseconds:F0} ms later "
            + $"({readings.Count / clock.Elapsed.TotalSeconds:F0} readings/s end to end)");

        (await api.ScalarAsync<string>("""
            select string_agg(severity || ':' || status, ',' order by severity) from device_alerts where tenant_id = $1 group by device_id limit 1
            """, owner.TenantId)).Should().Be("critical:cleared,major:cleared");
        (await api.ScalarAsync<long>("select count(*) from device_alerts where tenant_id = $1", owner.TenantId)).Should().Be(2 * Devices);
        (await api.ScalarAsync<long>("select count(*) from events where tenant_id = $1 and type like 'devices.alert-%'", owner.TenantId))
            .Should().Be(4 * Devices, "one raise and one clear per alert, nothing twice");
    }

    // 6 °C for 25 minutes from reading 100 (major after 10), 9 °C for 25 minutes from reading 300 (critical after 10), else 4 °C.
    private static decimal Temperature(int seq) => seq switch
    {
        >= 100 and < 150 => 6m,
        >= 300 and < 350 => 9m,
        _ => 4m,
    };

    private Task<long> LastSeqAppliedAsync(TestDevice device) => api.ScalarAsync<long>("""
        select coalesce(max(extract(epoch from (progress->>'lastAt')::timestamptz)), 0)::bigint from alert_rule_watches where device_id = $1
        """, device.DeviceId).ContinueWith(t => (t.Result - AlertSamples.Start.ToUnixTimeSeconds()) / 30, TaskScheduler.Default);
}

using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Platform.Projections.Daemon;
using Platform.Projections.Devices;
using Platform.Projections.Tests.Support;
using Platform.Testing;
using Platform.Write.Devices;
using Platform.Write.EventStore;
using Xunit.Abstractions;
using static Platform.Projections.Tests.Devices.TelemetryRecompute;

namespace Platform.Projections.Tests.Devices;

/// <summary>
/// The device-telemetry projection against readings appended on the bulk path (as the ingest does):
/// its tables equal the same figures recomputed from the events, after a live run and after a rebuild.
/// </summary>
public sealed class DeviceTelemetryProjectionTests(DatabaseFixture database, ITestOutputHelper output) : IClassFixture<DatabaseFixture>
{
    private const int Devices = 20;
    private static readonly int ReadingsCount = int.TryParse(Environment.GetEnvironmentVariable("PLATFORM_TELEMETRY_READINGS"), out var n) ? n : 20_000;
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private const string Minutes = "device_rollups_minute";
    private const string Hours = "device_rollups_hour";
    private const string LatestView = "device_latest";
    private const string RollupKey = "t.tenant_id, t.device_id, t.sensor, t.bucket";
    private const string LatestKey = "t.tenant_id, t.device_id, t.sensor";

    [Fact]
    public async Task Latest_values_and_rollups_equal_a_recomputation_from_the_events_live_and_after_a_rebuild()
    {
        await using var host = await ProjectionHost.StartAsync(database.ConnectionString, services => services
            .AddSingleton(new EventTypeRegistry().RegisterReadings())
            .AddProjection<DeviceTelemetryProjection>(), options: o => o.BatchSize = 500);
        var appender = host.Services.GetRequiredService<BulkAppender>();

        var clock = Stopwatch.StartNew();
        foreach (var chunk in Readings().Chunk(500)) await appender.AppendAsync(chunk);
        var appended = clock.Elapsed;
        await Eventually.HoldsAsync(async () => await CountAsync(host.DataSource, $"select coalesce(sum(value_count), 0) from {Hours}") ==
            await CountAsync(host.DataSource, "select count(*) from events e, jsonb_each(e.data->'values')"), "every reading is projected", 120);
        var projected = clock.Elapsed;
        output.WriteLine($"{ReadingsCount} readings: appended in {appended.TotalSeconds:F1} s, projected by {projected.TotalSeconds:F1} s "
            + $"({ReadingsCount / projected.TotalSeconds:F0} readings/s end to end)");

        var expected = (Minute: await HashAsync(host.DataSource, Rollups("minute"), RollupKey),
            Hour: await HashAsync(host.DataSource, Rollups("hour"), RollupKey), Latest: await HashAsync(host.DataSource, Latest, LatestKey));
        expected.Minute.Should().NotBeNull();
        (await Read(host)).Should().Be(expected);

        clock.Restart();
        var request = await host.Operations.RebuildAsync(DeviceTelemetryProjection.ProjectionName, "ops@example.com");
        await Eventually.HoldsAsync(async () => (await host.Operations.GetRebuildAsync(request.Id))!.CompletedAt is not null, "the rebuild has switched", 120);
        output.WriteLine($"rebuilt from the first event in {clock.Elapsed.TotalSeconds:F1} s ({ReadingsCount / clock.Elapsed.TotalSeconds:F0} readings/s)");
        (await host.Operations.GetRebuildAsync(request.Id))!.Outcome.Should().Be("switched");
        (await Read(host)).Should().Be(expected, "a rebuild from the first event gives the same tables");
    }

    private static async Task<(string? Minute, string? Hour, string? Latest)> Read(ProjectionHost host) => (
        await HashAsync(host.DataSource, $"select * from {Minutes}", RollupKey), await HashAsync(host.DataSource, $"select * from {Hours}", RollupKey),
        await HashAsync(host.DataSource, $"select * from {LatestView}", LatestKey));

    /// <summary>Two tenants' devices, readings out of order within each device, values with up to 4 decimals.</summary>
    private static IEnumerable<BulkEvent> Readings()
    {
        var random = new Random(42);
        Guid[] tenants = [Guid.CreateVersion7(), Guid.CreateVersion7()];
        var devices = Enumerable.Range(0, Devices).Select(_ => Guid.CreateVersion7().ToString("D")).ToArray();
        var seqs = new long[Devices];
        for (var i = 0; i < ReadingsCount; i++)
        {
            var device = random.Next(Devices);
            var at = Start.AddSeconds(random.Next(3 * 3600)).AddMilliseconds(random.Next(1000));
            var values = new Dictionary<string, decimal> { ["temperature"] = Math.Round((decimal)(random.NextDouble() * 20 - 5), 4) };
            if (random.Next(3) == 0) values["door"] = random.Next(2);
            var reading = new ReadingRecorded(devices[device], 1, ++seqs[device], at, values, values.Keys.ToDictionary(k => k, k => k == "door" ? "state" : "C"));
            yield return Platform.Write.Devices.Readings.ToBulkEvent(tenants[device % 2], reading);
        }
    }
}

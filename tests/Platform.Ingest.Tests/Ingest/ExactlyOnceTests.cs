using System.Diagnostics;
using System.Globalization;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.Ingest.Tests.Ingest;

/// <summary>
/// Simulated devices send QoS 1 readings and resend until the platform acks them, while the ingest
/// process is killed with SIGKILL and the broker is killed or stopped and started again, at points
/// spread over the run. Every reading must be stored exactly once.
/// </summary>
public sealed class ExactlyOnceTests(DatabaseFixture database, ITestOutputHelper output) : IClassFixture<DatabaseFixture>
{
    private static readonly int Readings = Setting("PLATFORM_INGEST_READINGS", 10_000);
    private static readonly int IngestKills = Setting("PLATFORM_INGEST_KILLS", 10);
    private static readonly int BrokerRestarts = Setting("PLATFORM_INGEST_BROKER_RESTARTS", 5);
    private const int Devices = 20;

    [Fact]
    public async Task Every_reading_is_stored_exactly_once_across_ingest_kills_and_broker_restarts()
    {
        await using var world = await IngestWorld.StartAsync(database, Devices);
        world.StartIngest();
        var perDevice = Readings / Devices;
        var devices = world.Devices.Select(d => new SimulatedDevice(d, world.Broker, perDevice, TimeSpan.FromSeconds(1))).ToList();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(Setting("PLATFORM_INGEST_TIMEOUT_S", 180)));
        var clock = Stopwatch.StartNew();
        var sending = Task.WhenAll(devices.Select(d => Task.Run(() => d.RunAsync(deadline.Token))));

        // Chaos at evenly spread points of progress, so every kill and restart lands while readings flow.
        var events = Interleave(IngestKills, BrokerRestarts);
        var done = 0;
        for (var i = 0; i < events.Count; i++)
        {
            var threshold = (long)Readings * (i + 1) / (events.Count + 1);
            while (devices.Sum(d => d.Acked) < threshold && !sending.IsCompleted) await Task.Delay(10, deadline.Token);
            if (sending.IsCompleted) break;
            if (events[i] == "ingest")
            {
                world.KillIngest();
                world.StartIngest();
            }
            else if (done++ % 2 == 0)
            {
                await world.Broker.KillAsync();
                await world.Broker.StartAgainAsync();
            }
            else
            {
                await world.Broker.StopAsync();
                await world.Broker.StartAgainAsync();
            }
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: {events[i]} restarted at {devices.Sum(d => d.Acked)} acked");
        }

        try
        {
            await sending;
        }
        catch (OperationCanceledException)
        {
            output.WriteLine($"stalled at {devices.Sum(d => d.Acked)} acked; ingest said:\n{world.IngestOutput}\nbroker log:\n{world.Broker.Log()[^Math.Min(4000, world.Broker.Log().Length)..]}");
            throw;
        }
        output.WriteLine($"{Readings} readings from {Devices} devices in {clock.Elapsed.TotalSeconds:F1} s; {devices.Sum(d => d.Published)} publishes");
        var stored = await world.ScalarAsync(
            "select count(*) from events where tenant_id = $1 and type = 'devices.reading-recorded.v1'", world.TenantId);
        var distinct = await world.ScalarAsync(
            "select count(distinct (data->>'deviceId', data->>'boot', data->>'seq')) from events where tenant_id = $1 and type = 'devices.reading-recorded.v1'",
            world.TenantId);
        (stored, distinct).Should().Be((perDevice * Devices, perDevice * Devices), "exactly N readings, none twice");
        (await world.ScalarAsync("select count(*) from events where tenant_id = $1 and type = 'devices.reading-rejected.v1'", world.TenantId))
            .Should().Be(0);
        (await world.ScalarAsync("select count(*) from device_ack_marks where tenant_id = $1 and acked = $2", world.TenantId, (long)perDevice))
            .Should().Be(Devices);
        (await world.ScalarAsync("""
            select count(*) from (select stream_id, version, row_number() over (partition by stream_id order by version) as n
              from events where tenant_id = $1 and stream_id like 'device-%') s where version <> n
            """, world.TenantId)).Should().Be(0, "each device's stream is numbered without holes");
    }

    /// <summary>Broker restarts spread among the ingest kills: ingest, ingest, broker, ingest, ingest, broker, ...</summary>
    private static List<string> Interleave(int kills, int restarts)
    {
        var events = new List<string>();
        for (int k = 0, r = 0; k < kills || r < restarts;)
        {
            if (k < kills && (r >= restarts || (k + 1) * restarts <= (r + 1) * kills)) { events.Add("ingest"); k++; }
            else { events.Add("broker"); r++; }
        }
        return events;
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

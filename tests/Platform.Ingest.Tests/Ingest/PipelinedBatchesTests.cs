using Platform.Testing;

namespace Platform.Ingest.Tests.Ingest;

/// <summary>
/// The worker handles several batches at once (one appended while the next is prepared and the one
/// before acknowledged); they must still commit in arrival order, so a device's stream keeps its seq order.
/// </summary>
public sealed class PipelinedBatchesTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private const int Devices = 12;
    private const int PerDevice = 400;

    [Fact]
    public async Task Pipelined_batches_commit_in_arrival_order_so_every_stream_keeps_its_seq_order()
    {
        await using var world = await IngestWorld.StartAsync(database, Devices);
        world.StartIngest();
        await world.WaitForIngestAsync();
        // Resending late: every reading is published once, in seq order, on one connection per device.
        var devices = world.Devices.Select(d => new SimulatedDevice(d, world.Broker, PerDevice, TimeSpan.FromMinutes(5))).ToList();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await Task.WhenAll(devices.Select(d => Task.Run(() => d.RunAsync(deadline.Token))));

        (await world.ScalarAsync("select count(*) from events where tenant_id = $1 and type = 'devices.reading-recorded.v1'", world.TenantId))
            .Should().Be(Devices * PerDevice);
        (await world.ScalarAsync("""
            select count(*) from (
              select (data->>'seq')::bigint as seq, lag((data->>'seq')::bigint) over (partition by stream_id order by version) as before
                from events where tenant_id = $1 and type = 'devices.reading-recorded.v1') s
             where seq <> before + 1
            """, world.TenantId)).Should().Be(0, "batches taken later must not be appended before earlier ones");
        (await world.ScalarAsync("select count(*) from device_ack_marks where tenant_id = $1 and acked = $2", world.TenantId, (long)PerDevice))
            .Should().Be(Devices);
    }
}

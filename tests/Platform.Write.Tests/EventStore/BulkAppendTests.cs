using Platform.Testing;
using Platform.Write.Devices;
using Platform.Write.EventStore;

namespace Platform.Write.Tests.EventStore;

public sealed class BulkAppendTests(DatabaseFixture database) : StoreTestBase(database)
{
    [Fact]
    public async Task Readings_are_appended_as_one_event_each_in_per_device_version_order()
    {
        var readings = Readings(devices: 5, perDevice: 200);

        var result = await Db.Bulk.AppendAsync(readings);

        result.Should().Be(new BulkAppendResult(1_000, 0));
        var stream = await Db.Reader.ReadStreamAsync(Tenant, "device-d3");
        stream.Select(e => e.Version).Should().Equal(Enumerable.Range(1, 200).Select(v => (long)v));
        stream.Select(e => ((ReadingRecorded)e.Data!).Seq).Should().BeInAscendingOrder();
    }

    [Fact]
    public async Task A_resent_reading_is_stored_once()
    {
        var readings = Readings(devices: 2, perDevice: 50);
        await Db.Bulk.AppendAsync(readings.Take(60).ToList());

        var result = await Db.Bulk.AppendAsync([.. readings, readings[0]]);

        result.Should().Be(new BulkAppendResult(40, 61));
        (await CountTenantEventsAsync()).Should().Be(100);
        (await Db.Reader.GetStreamVersionAsync(Tenant, "device-d1")).Should().Be(50);
    }

    [Fact]
    public async Task Bulk_appends_continue_a_stream_written_by_normal_appends()
    {
        await Db.Store.AppendAsync(Tenant, "device-d0", ExpectedVersion.Any, TestEvents.Increments(3));

        await Db.Bulk.AppendAsync(Readings(devices: 1, perDevice: 4));

        (await Db.Reader.ReadStreamAsync(Tenant, "device-d0")).Select(e => e.Version).Should().Equal(1, 2, 3, 4, 5, 6, 7);
    }

    [Fact]
    public async Task A_backdated_event_keeps_its_time_and_one_without_a_time_gets_the_commits()
    {
        var past = new DateTimeOffset(2024, 3, 9, 14, 30, 15, TimeSpan.FromHours(-5));
        var readings = Readings(devices: 1, perDevice: 2);
        readings[0] = readings[0] with { RecordedAt = past };
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        await Db.Bulk.AppendAsync(readings);

        var stream = await Db.Reader.ReadStreamAsync(Tenant, "device-d0");
        stream[0].RecordedAt.Should().Be(past);
        stream[1].RecordedAt.Should().BeOnOrAfter(before).And.BeBefore(DateTimeOffset.UtcNow.AddSeconds(5));
        (await Db.Bulk.AppendAsync(readings)).Should().Be(new BulkAppendResult(0, 2), "a backdated event is still deduplicated by id");
    }

    [Fact]
    public async Task A_bad_reading_fails_the_whole_bulk_append()
    {
        var readings = Readings(devices: 1, perDevice: 10);
        readings[7] = readings[7] with { StreamId = "" };

        var append = () => Db.Bulk.AppendAsync(readings);

        (await append.Should().ThrowAsync<InvalidAppendException>()).Which.Field.Should().Be("events[7].streamId");
        (await CountTenantEventsAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Text_postgresql_cannot_store_fails_the_bulk_append_with_a_typed_error()
    {
        var readings = Readings(devices: 1, perDevice: 3);
        readings.Add(new BulkEvent(Tenant, "notes", Guid.CreateVersion7(), new NoteWritten("nul\u0000byte")));

        var append = () => Db.Bulk.AppendAsync(readings);

        await append.Should().ThrowAsync<InvalidAppendException>();
        (await CountTenantEventsAsync()).Should().Be(0);
    }

    private List<BulkEvent> Readings(int devices, int perDevice) =>
    [
        .. from seq in Enumerable.Range(1, perDevice)
           from device in Enumerable.Range(0, devices)
           select Platform.Write.Devices.Readings.ToBulkEvent(Tenant, new ReadingRecorded(
               $"d{device}", 1, seq, DateTimeOffset.UnixEpoch.AddSeconds(seq), new Dictionary<string, decimal> { ["temp"] = 4.5m })),
    ];
}

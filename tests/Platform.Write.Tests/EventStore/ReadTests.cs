using Platform.Testing;
using Platform.Write.EventStore;

namespace Platform.Write.Tests.EventStore;

public sealed class ReadTests(DatabaseFixture database) : StoreTestBase(database)
{
    [Fact]
    public async Task A_stream_reads_forward_and_backward_from_a_version()
    {
        await Db.Store.AppendAsync(Tenant, "c", ExpectedVersion.Any, TestEvents.Increments(5));

        var forward = await Db.Reader.ReadStreamAsync(Tenant, "c", fromVersion: 2, maxCount: 3);
        var backward = await Db.Reader.ReadStreamAsync(Tenant, "c", fromVersion: 4, ReadDirection.Backward);

        forward.Select(e => e.Version).Should().Equal(2, 3, 4);
        forward.Select(e => ((CounterIncremented)e.Data!).By).Should().Equal(2, 3, 4);
        backward.Select(e => e.Version).Should().Equal(4, 3, 2, 1);
    }

    [Fact]
    public async Task Another_tenant_reads_nothing_of_this_tenants_streams()
    {
        await Db.Store.AppendAsync(Tenant, "private", ExpectedVersion.Any, TestEvents.Increments(2));
        var other = Guid.CreateVersion7();

        (await Db.Reader.ReadStreamAsync(other, "private")).Should().BeEmpty();
        (await Db.Reader.ReadTenantAsync(other, Checkpoint.Start)).Events.Should().BeEmpty();
        (await Db.Reader.GetStreamVersionAsync(other, "private")).Should().Be(0);
    }

    [Fact]
    public async Task A_tenants_history_reads_in_commit_order_across_streams_and_pages()
    {
        var other = Guid.CreateVersion7();
        for (var i = 0; i < 6; i++)
        {
            await Db.Store.AppendAsync(Tenant, $"s{i % 3}", ExpectedVersion.Any, TestEvents.Increment(i));
            await Db.Store.AppendAsync(other, "noise", ExpectedVersion.Any, TestEvents.Increment(i));
        }

        await ReadTenantEventuallyAsync(6);
        var first = await Db.Reader.ReadTenantAsync(Tenant, Checkpoint.Start, maxCount: 4);
        var second = await Db.Reader.ReadTenantAsync(Tenant, first.Next, maxCount: 4);

        var all = first.Events.Concat(second.Events).ToList();
        all.Select(e => ((CounterIncremented)e.Data!).By).Should().Equal(0, 1, 2, 3, 4, 5);
        all.Should().OnlyContain(e => e.TenantId == Tenant);
        all.Select(e => e.Position).Should().BeInAscendingOrder();
    }

    [Fact]
    public async Task Reading_everything_continues_from_a_checkpoint()
    {
        await Db.Store.AppendAsync(Tenant, "a", ExpectedVersion.Any, TestEvents.Increments(3));
        var head = (await ReadTenantEventuallyAsync(3))[^1].Checkpoint;

        await Db.Store.AppendAsync(Tenant, "b", ExpectedVersion.Any, TestEvents.Increments(2));
        await ReadTenantEventuallyAsync(5);
        var next = await Db.Reader.ReadAllAsync(head);

        next.Events.Select(e => (e.StreamId, e.Version)).Should().Equal(("b", 1L), ("b", 2L));
    }

    [Fact]
    public async Task Reading_everything_can_keep_to_some_event_types()
    {
        await Db.Store.AppendAsync(Tenant, "mixed", ExpectedVersion.Any,
            [TestEvents.Increment(), NewEvent.Create(new NoteWritten("a")), TestEvents.Increment()]);
        var events = await ReadTenantEventuallyAsync(3);

        var notes = await Db.Reader.ReadAllAsync(Checkpoint.Start, 10_000, ["test.note-written.v1"]);

        notes.Events.Where(e => e.TenantId == Tenant).Should().ContainSingle().Which.EventId.Should().Be(events[1].EventId);
        notes.Events.Should().OnlyContain(e => e.Type == "test.note-written.v1");
    }

    [Fact]
    public async Task An_event_type_this_build_does_not_know_reads_as_raw_json()
    {
        await using (var command = Db.DataSource.CreateCommand(
            "insert into events (tenant_id, stream_id, version, event_id, type, data, metadata) " +
            $"values ('{Tenant}', 'old', 1, gen_random_uuid(), 'legacy.thing-happened.v1', '{{\"a\":1}}', '{{}}')"))
            await command.ExecuteNonQueryAsync();

        var stored = (await Db.Reader.ReadStreamAsync(Tenant, "old")).Single();

        stored.Data.Should().BeNull();
        stored.Type.Should().Be("legacy.thing-happened.v1");
        stored.Json.Should().Be("{\"a\": 1}");
    }
}

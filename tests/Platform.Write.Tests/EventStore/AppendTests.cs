using Platform.Testing;
using Platform.Write.EventStore;

namespace Platform.Write.Tests.EventStore;

public sealed class AppendTests(DatabaseFixture database) : StoreTestBase(database)
{
    [Fact]
    public async Task Append_returns_the_new_stream_version_and_global_position()
    {
        var first = await Db.Store.AppendAsync(Tenant, "counter-1", ExpectedVersion.NoStream, TestEvents.Increments(3));
        var second = await Db.Store.AppendAsync(Tenant, "counter-1", ExpectedVersion.Exact(3), TestEvents.Increment());

        first.StreamVersion.Should().Be(3);
        second.StreamVersion.Should().Be(4);
        second.Position.Should().BeGreaterThan(first.Position);
        first.AlreadyApplied.Should().BeFalse();
    }

    [Theory]
    [InlineData("exact-wrong")]
    [InlineData("no-stream-but-exists")]
    public async Task Wrong_expected_version_is_a_typed_error_carrying_the_actual_version(string @case)
    {
        await Db.Store.AppendAsync(Tenant, "counter-2", ExpectedVersion.Any, TestEvents.Increments(2));
        var expected = @case == "exact-wrong" ? ExpectedVersion.Exact(1) : ExpectedVersion.NoStream;

        var append = () => Db.Store.AppendAsync(Tenant, "counter-2", expected, TestEvents.Increment());

        var error = (await append.Should().ThrowAsync<WrongExpectedVersionException>()).Which;
        error.ActualVersion.Should().Be(2);
        error.StreamId.Should().Be("counter-2");
        (await CountTenantEventsAsync()).Should().Be(2);
    }

    [Fact]
    public async Task Stream_exists_fails_on_a_new_stream()
    {
        var append = () => Db.Store.AppendAsync(Tenant, "missing", ExpectedVersion.StreamExists, TestEvents.Increment());

        (await append.Should().ThrowAsync<WrongExpectedVersionException>()).Which.ActualVersion.Should().Be(0);
    }

    [Fact]
    public async Task Resending_the_same_events_returns_the_first_result_without_duplicates()
    {
        var events = TestEvents.Increments(2);
        var first = await Db.Store.AppendAsync(Tenant, "counter-3", ExpectedVersion.NoStream, events);
        await Db.Store.AppendAsync(Tenant, "counter-3", ExpectedVersion.Any, TestEvents.Increment());

        var retry = await Db.Store.AppendAsync(Tenant, "counter-3", ExpectedVersion.NoStream, events);

        retry.Should().Be(first with { AlreadyApplied = true });
        (await CountTenantEventsAsync()).Should().Be(3);
    }

    [Fact]
    public async Task Concurrent_identical_appends_store_the_events_once()
    {
        var events = TestEvents.Increments(5);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Db.Store.AppendAsync(Tenant, "counter-4", ExpectedVersion.Any, events)));

        results.Select(r => (r.StreamVersion, r.Position)).Distinct().Should().ContainSingle();
        results.Count(r => !r.AlreadyApplied).Should().Be(1);
        (await CountTenantEventsAsync()).Should().Be(5);
    }

    [Fact]
    public async Task Racing_writers_expecting_the_same_version_let_exactly_one_win()
    {
        await Db.Store.AppendAsync(Tenant, "race", ExpectedVersion.NoStream, TestEvents.Increments(2));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            try
            {
                return (await Db.Store.AppendAsync(Tenant, "race", ExpectedVersion.Exact(2), TestEvents.Increments(3))).StreamVersion;
            }
            catch (WrongExpectedVersionException error)
            {
                return -error.ActualVersion;
            }
        }));

        outcomes.Should().ContainSingle(v => v == 5);
        outcomes.Where(v => v != 5).Should().HaveCount(7).And.OnlyContain(v => v == -5);
        (await Db.Reader.ReadStreamAsync(Tenant, "race")).Select(e => e.Version).Should().Equal(1, 2, 3, 4, 5);
    }

    [Fact]
    public async Task Reusing_some_event_ids_in_a_different_append_is_a_conflict()
    {
        var stored = TestEvents.Increments(2);
        await Db.Store.AppendAsync(Tenant, "counter-5", ExpectedVersion.Any, stored);

        var partial = () => Db.Store.AppendAsync(Tenant, "counter-5", ExpectedVersion.Any, [stored[0], TestEvents.Increment()]);
        var otherStream = () => Db.Store.AppendAsync(Tenant, "counter-6", ExpectedVersion.Any, stored);

        await partial.Should().ThrowAsync<EventIdConflictException>();
        await otherStream.Should().ThrowAsync<EventIdConflictException>();
        (await CountTenantEventsAsync()).Should().Be(2);
    }

    [Fact]
    public async Task Events_are_stored_under_their_registered_names_with_metadata()
    {
        var correlation = Guid.CreateVersion7();
        var metadata = new EventMetadata("user-7", correlation, Guid.CreateVersion7(), "api");
        await Db.Store.AppendAsync(Tenant, "notes-1", ExpectedVersion.Any, NewEvent.Create(new NoteWritten("hola"), metadata));

        var stored = (await Db.Reader.ReadStreamAsync(Tenant, "notes-1")).Single();

        stored.Type.Should().Be("test.note-written.v1");
        stored.Data.Should().Be(new NoteWritten("hola"));
        stored.Metadata.Should().Be(metadata);
        (await Db.CountAsync($"tenant_id = '{Tenant}' and type like '%NoteWritten%'")).Should().Be(0);
    }

    [Fact]
    public async Task The_same_stream_id_in_two_tenants_is_two_streams()
    {
        var other = Guid.CreateVersion7();
        await Db.Store.AppendAsync(Tenant, "shared-id", ExpectedVersion.NoStream, TestEvents.Increments(3));

        var result = await Db.Store.AppendAsync(other, "shared-id", ExpectedVersion.NoStream, TestEvents.Increment());

        result.StreamVersion.Should().Be(1);
        (await Db.Reader.ReadStreamAsync(other, "shared-id")).Should().ContainSingle();
        (await Db.Reader.GetStreamVersionAsync(Tenant, "shared-id")).Should().Be(3);
    }
}

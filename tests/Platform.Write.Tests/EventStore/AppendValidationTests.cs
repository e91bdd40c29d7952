using Platform.Testing;
using Platform.Write.EventStore;

namespace Platform.Write.Tests.EventStore;

public sealed class AppendValidationTests(DatabaseFixture database) : StoreTestBase(database)
{
    public static TheoryData<string, string> BadStreamIds => new()
    {
        { "", "streamId" },
        { "   ", "streamId" },
        { " padded", "streamId" },
        { "tab\there", "streamId" },
        { new string('s', 201), "streamId" },
    };

    [Theory]
    [MemberData(nameof(BadStreamIds))]
    public async Task Bad_stream_ids_are_refused_and_nothing_is_written(string streamId, string field)
    {
        var append = () => Db.Store.AppendAsync(Tenant, streamId, ExpectedVersion.Any, TestEvents.Increment());

        (await append.Should().ThrowAsync<InvalidAppendException>()).Which.Field.Should().Be(field);
        (await CountTenantEventsAsync()).Should().Be(0);
    }

    [Fact]
    public async Task An_unregistered_event_type_is_refused_by_name()
    {
        var append = () => Db.Store.AppendAsync(Tenant, "s", ExpectedVersion.Any,
            [TestEvents.Increment(), NewEvent.Create(new UnregisteredHappened(1))]);

        var error = (await append.Should().ThrowAsync<UnknownEventTypeException>()).Which;
        error.Field.Should().Be("events[1].type");
        error.EventType.Should().Be<UnregisteredHappened>();
        (await CountTenantEventsAsync()).Should().Be(0);
    }

    [Fact]
    public async Task An_oversize_payload_is_refused_and_the_rest_of_the_append_is_not_written()
    {
        var huge = new NoteWritten(new string('x', Db.Options.MaxEventBytes));

        var append = () => Db.Store.AppendAsync(Tenant, "s", ExpectedVersion.Any, [TestEvents.Increment(), NewEvent.Create(huge)]);

        (await append.Should().ThrowAsync<InvalidAppendException>()).Which.Field.Should().Be("events[1].data");
        (await CountTenantEventsAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_missing_tenant_is_refused()
    {
        var append = () => Db.Store.AppendAsync(Guid.Empty, "s", ExpectedVersion.Any, TestEvents.Increment());

        (await append.Should().ThrowAsync<InvalidAppendException>()).Which.Field.Should().Be("tenantId");
        (await CountTenantEventsAsync(Guid.Empty)).Should().Be(0);
    }

    [Fact]
    public async Task Another_tenants_exact_version_does_not_apply_to_this_tenants_stream()
    {
        var owner = Guid.CreateVersion7();
        await Db.Store.AppendAsync(owner, "orders-1", ExpectedVersion.Any, TestEvents.Increments(2));

        var append = () => Db.Store.AppendAsync(Tenant, "orders-1", ExpectedVersion.Exact(2), TestEvents.Increment());

        (await append.Should().ThrowAsync<WrongExpectedVersionException>()).Which.ActualVersion.Should().Be(0);
        (await CountTenantEventsAsync()).Should().Be(0);
        (await CountTenantEventsAsync(owner)).Should().Be(2);
    }

    [Fact]
    public async Task Empty_appends_and_repeated_ids_are_refused()
    {
        var again = TestEvents.Increment();
        var empty = () => Db.Store.AppendAsync(Tenant, "s", ExpectedVersion.Any, Array.Empty<NewEvent>());
        var repeated = () => Db.Store.AppendAsync(Tenant, "s", ExpectedVersion.Any, [again, again]);
        var noId = () => Db.Store.AppendAsync(Tenant, "s", ExpectedVersion.Any, new NewEvent(Guid.Empty, new CounterIncremented(1)));

        (await empty.Should().ThrowAsync<InvalidAppendException>()).Which.Field.Should().Be("events");
        (await repeated.Should().ThrowAsync<InvalidAppendException>()).Which.Field.Should().Be("events[1].eventId");
        (await noId.Should().ThrowAsync<InvalidAppendException>()).Which.Field.Should().Be("events[0].eventId");
        (await CountTenantEventsAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Text_postgresql_cannot_store_is_a_typed_error()
    {
        var append = () => Db.Store.AppendAsync(Tenant, "s", ExpectedVersion.Any,
            [TestEvents.Increment(), NewEvent.Create(new NoteWritten("nul\u0000byte"))]);

        await append.Should().ThrowAsync<InvalidAppendException>();
        (await CountTenantEventsAsync()).Should().Be(0);
    }
}

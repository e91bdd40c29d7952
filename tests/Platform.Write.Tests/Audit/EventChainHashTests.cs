using Platform.Write.Audit;

namespace Platform.Write.Tests.Audit;

public sealed class EventChainHashTests
{
    private static readonly StoredEvent Event = new(
        Guid.Parse("0193a1b2-0000-7000-8000-000000000001"), "listing-1", 3, Guid.Parse("0193a1b2-0000-7000-8000-000000000002"),
        "catalog.listing-price-changed.v1", new DateTimeOffset(2026, 11, 17, 15, 4, 5, TimeSpan.Zero).AddTicks(1234560),
        """{"to": {"amount": 12}}""", """{"userId": "u"}""", TransactionId: 99, Position: 7);

    [Fact]
    public void A_link_covers_every_stored_field_and_the_previous_link_but_not_where_the_database_put_it()
    {
        var link = EventChainHash.Link(EventChainHash.Genesis, Event);
        link.Should().HaveCount(32);
        EventChainHash.Link(EventChainHash.Genesis, Event with { TransactionId = 1, Position = 1 }).Should().Equal(link);

        var changed = new[]
        {
            Event with { StreamId = "listing-2" }, Event with { Version = 4 }, Event with { EventId = Guid.NewGuid() },
            Event with { Type = "catalog.listing-revised.v1" }, Event with { RecordedAt = Event.RecordedAt.AddTicks(10) },
            Event with { Data = """{"to": {"amount": 13}}""" }, Event with { Metadata = """{"userId": "v"}""" },
            Event with { TenantId = Guid.NewGuid() },
        };
        changed.Select(e => EventChainHash.Link(EventChainHash.Genesis, e)).Should().AllSatisfy(l => l.Should().NotEqual(link));
        EventChainHash.Link(link, Event).Should().NotEqual(link, "each link depends on the one before");
    }

    [Fact]
    public void Recorded_times_are_hashed_to_the_microsecond_in_utc()
    {
        EventChainHash.Timestamp(Event.RecordedAt.ToOffset(TimeSpan.FromHours(-5))).Should().Be("2026-11-17T15:04:05.123456Z");
    }
}

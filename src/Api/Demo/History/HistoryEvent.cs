using Platform.Write.EventStore;

namespace Platform.Api.Demo.History;

/// <summary>One event of a generated history: a real event record on its real stream, at the time it happened, by whom.</summary>
public sealed record HistoryEvent(string StreamId, Guid EventId, object Data, DateTimeOffset At, Guid? UserId)
{
    public const string Source = "history";

    public BulkEvent ToBulk(Guid tenantId) =>
        new(tenantId, StreamId, EventId, Data, new EventMetadata(UserId?.ToString("D"), Source: Source), At);
}

/// <summary>The generated events in causal order (by time; a stream's events in the order they happened), and what they hold.</summary>
public sealed record SalesHistory(IReadOnlyList<HistoryEvent> Events, int Leads, int Opportunities, int Customers);

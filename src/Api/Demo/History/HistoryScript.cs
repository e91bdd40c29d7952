namespace Platform.Api.Demo.History;

/// <summary>
/// The history being written: each journey emits its streams' events in the order they happen; the
/// script orders all of them by time at the end (ties keep emission order, so one append's events stay together).
/// </summary>
internal sealed class HistoryScript(HistoryTenant tenant, DateTimeOffset end, Random random)
{
    private readonly List<(HistoryEvent Event, long Seq)> events = [];

    public HistoryTenant Tenant => tenant;

    public DateTimeOffset End => end;

    public Random Random => random;

    public HistoryIds Ids { get; } = new(random);

    public int Opportunities { get; set; }

    public void Emit(string streamId, Guid eventId, object data, DateTimeOffset at, Guid? userId) =>
        events.Add((new HistoryEvent(streamId, eventId, data, at, userId), events.Count));

    public IReadOnlyList<HistoryEvent> Ordered(int? maxEvents) =>
        [.. events.OrderBy(e => e.Event.At).ThenBy(e => e.Seq).Select(e => e.Event).Take(maxEvents ?? int.MaxValue)];
}

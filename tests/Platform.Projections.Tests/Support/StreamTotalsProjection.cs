using Platform.Projections.Daemon;
using Platform.Write.EventStore;

namespace Platform.Projections.Tests.Support;

public sealed class StreamTotalsProjection : IProjection
{
    public const string Id = "stream-totals.v1";
    public const string Table = "stream_totals_v1";
    public const string View = "stream_totals";

    public string Name => "stream-totals";

    public int Version => 1;

    public IReadOnlyCollection<string> EventTypes { get; } = [TestEvents.Incremented];

    public IReadOnlyCollection<string> Tables { get; } = ["stream_totals"];

    public Task InitializeAsync(ProjectionContext context, CancellationToken ct) =>
        StreamTotals.CreateTableAsync(context, "stream_totals", ct);

    public Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct) =>
        StreamTotals.AddAsync(context, "stream_totals", events, ct);
}

/// <summary>The same totals, but it cannot take a negative increment: a poisoned event for tests.</summary>
public sealed class PickyTotalsProjection : IProjection
{
    public const string Id = "picky-totals.v1";
    public const string Table = "picky_totals_v1";

    public string Name => "picky-totals";

    public int Version => 1;

    public IReadOnlyCollection<string> EventTypes { get; } = [TestEvents.Incremented];

    public IReadOnlyCollection<string> Tables { get; } = ["picky_totals"];

    public Task InitializeAsync(ProjectionContext context, CancellationToken ct) =>
        StreamTotals.CreateTableAsync(context, "picky_totals", ct);

    public Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        var negative = events.FirstOrDefault(e => StreamTotals.By(e) < 0);
        if (negative is not null)
            throw new ArgumentOutOfRangeException(nameof(events), $"Cannot total a negative increment at position {negative.Position}.");
        return StreamTotals.AddAsync(context, "picky_totals", events, ct);
    }
}

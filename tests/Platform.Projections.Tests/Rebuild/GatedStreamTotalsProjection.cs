using Platform.Projections.Daemon;
using Platform.Projections.Tests.Support;
using Platform.Write.EventStore;

namespace Platform.Projections.Tests.Rebuild;

/// <summary>
/// Stream totals version 1, the same code as <see cref="StreamTotalsProjection"/>, whose rebuilt
/// generations pass through a gate: the serving generation runs freely while a rebuild is held.
/// </summary>
public sealed class GatedStreamTotalsProjection(ApplyGate gate) : IProjection
{
    public string Name => "stream-totals";

    public int Version => 1;

    public IReadOnlyCollection<string> EventTypes { get; } = [TestEvents.Incremented];

    public IReadOnlyCollection<string> Tables { get; } = ["stream_totals"];

    public Task InitializeAsync(ProjectionContext context, CancellationToken ct) =>
        StreamTotals.CreateTableAsync(context, "stream_totals", ct);

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        if (context.Generation > 1) await gate.PassAsync(ct);
        await StreamTotals.AddAsync(context, "stream_totals", events, ct);
    }
}

using Platform.Write.EventStore;

namespace Platform.Projections.Daemon;

/// <summary>
/// Turns events into read tables. The daemon runs one active instance of each projection across
/// processes and hands it a transaction that also moves its checkpoint, so every event takes
/// effect exactly once. Reactors (projections that send commands) use the same contract.
/// </summary>
public interface IProjection
{
    /// <summary>Stable kebab-case name, such as <c>counter-totals</c>.</summary>
    string Name { get; }

    /// <summary>
    /// 1, 2, ...; a new version builds from the first event beside the old one, which keeps serving
    /// until the new one has caught up and the daemon switches to it.
    /// </summary>
    int Version { get; }

    /// <summary>The stored event type names it reads; no other event reaches it.</summary>
    IReadOnlyCollection<string> EventTypes { get; }

    /// <summary>
    /// Base names of the read tables it writes (<c>counter_totals</c>). Each generation writes its own
    /// copies through <see cref="ProjectionContext.Table"/>; readers query a view of the base name that
    /// the daemon points at the serving generation, and a replaced generation's tables are dropped.
    /// Empty (the default) for a reactor, which keeps no read tables; a projection that leaves it empty
    /// gets no views, cannot be rebuilt by an operator, and keeps a replaced version's tables.
    /// </summary>
    IReadOnlyCollection<string> Tables => [];

    /// <summary>Creates the read tables if missing, inside the transaction of <paramref name="context"/>.</summary>
    Task InitializeAsync(ProjectionContext context, CancellationToken ct);

    /// <summary>
    /// Applies events in fence order through <paramref name="context"/>'s connection and transaction
    /// only. Throwing rolls the whole batch back; the daemon records a fault and retries.
    /// </summary>
    Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct);
}

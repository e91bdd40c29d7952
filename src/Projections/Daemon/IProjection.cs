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

    /// <summary>1, 2, ...; a new version rebuilds from the first event beside the old one.</summary>
    int Version { get; }

    /// <summary>The stored event type names it reads; no other event reaches it.</summary>
    IReadOnlyCollection<string> EventTypes { get; }

    /// <summary>Creates the read tables if missing, inside the transaction of <paramref name="context"/>.</summary>
    Task InitializeAsync(ProjectionContext context, CancellationToken ct);

    /// <summary>
    /// Applies events in fence order through <paramref name="context"/>'s connection and transaction
    /// only. Throwing rolls the whole batch back; the daemon records a fault and retries.
    /// </summary>
    Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct);
}

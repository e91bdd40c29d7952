using Npgsql;
using Platform.Projections.Generations;

namespace Platform.Projections.Daemon;

/// <summary>An event an operator let a projection pass without applying it.</summary>
public sealed record SkippedEvent(
    string Projection, long Position, ulong TransactionId, Guid EventId, string EventType,
    string SkippedBy, string Reason, DateTimeOffset SkippedAt);

/// <summary>What operators do to projections by hand, from any process running the daemon or not.</summary>
public sealed class ProjectionOperations(
    NpgsqlDataSource dataSource, ProjectionCatalog catalog, ProjectionRunnerRegistry registry, TimeProvider time)
{
    private readonly EventSkipper _skipper = new(dataSource, time);
    private readonly RebuildRequests _rebuilds = new(dataSource);

    /// <summary>
    /// Lets a projection pass the event it is stuck on: moves its checkpoint past exactly that
    /// event, recording who skipped it and why. Refused unless the event is recorded as a fault and
    /// is the very next event the projection has to apply. While it is being rebuilt, this skips the
    /// event in the generation stuck on it; when both are, call once for each.
    /// </summary>
    public async Task<SkippedEvent> SkipAsync(
        string projection, long position, string skippedBy, string reason, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(skippedBy);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var registered = catalog.Get(projection);
        var skipped = await _skipper.SkipAsync(registered, position, skippedBy, reason, ct);
        registry.Wake(registered.Id);
        return skipped;
    }

    /// <summary>
    /// Asks for a rebuild of the projection's serving version from the first event, into a new
    /// generation beside the serving one, which keeps serving until the new one has caught up; then
    /// the views switch and the old generation's tables are dropped. Whichever instance is active for
    /// the projection does it, in this process or another. Asking again while one is open returns it.
    /// </summary>
    public async Task<RebuildRequest> RebuildAsync(string projection, string requestedBy, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestedBy);
        var registered = catalog.Get(projection);
        var request = await _rebuilds.RequestAsync(registered, requestedBy, time.GetUtcNow(), ct);
        registry.Wake(registered.Id);
        return request;
    }

    /// <summary>A rebuild request as it stands now; null when there is none with that id.</summary>
    public Task<RebuildRequest?> GetRebuildAsync(long id, CancellationToken ct = default) => _rebuilds.GetAsync(id, ct);
}

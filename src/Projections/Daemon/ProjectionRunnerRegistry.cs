using System.Collections.Concurrent;

namespace Platform.Projections.Daemon;

/// <summary>
/// The runners of this process and what each is doing, for status and health. Also wakes a runner
/// waiting out a fault backoff when an operator acts on it in this process.
/// </summary>
public sealed class ProjectionRunnerRegistry(ProjectionOptions options)
{
    private readonly ConcurrentDictionary<string, ProjectionRunnerState> _states = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _wakeUps = new(StringComparer.Ordinal);

    public string Instance { get; } = options.InstanceName;

    public IReadOnlyList<ProjectionRunnerState> All => [.. _states.Values.OrderBy(s => s.Projection, StringComparer.Ordinal)];

    public ProjectionRunnerState? Get(string projectionId) => _states.GetValueOrDefault(projectionId);

    internal void Set(ProjectionRunnerState state) => _states[state.Projection] = state;

    internal void Wake(string projectionId)
    {
        if (_wakeUps.TryRemove(projectionId, out var signal)) signal.TrySetResult();
    }

    /// <summary>Returns when <see cref="Wake"/> is called for the projection, or after the timeout.</summary>
    internal async Task WaitForWakeAsync(string projectionId, TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        var signal = _wakeUps.GetOrAdd(projectionId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await signal.Task.WaitAsync(timeout, time, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        ct.ThrowIfCancellationRequested();
    }
}

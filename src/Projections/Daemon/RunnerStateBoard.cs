namespace Platform.Projections.Daemon;

/// <summary>
/// One runner's state, composed from the workers of its generations: faulted when either is stuck
/// (an operator has to look), rebuilding while a generation is built beside the serving one,
/// running otherwise.
/// </summary>
internal sealed class RunnerStateBoard(DaemonServices services, RegisteredProjection projection)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (ProjectionState State, string? Error)> _workers = new(StringComparer.Ordinal);

    public void Report(string generationId, ProjectionState state, string? error = null)
    {
        lock (_lock)
        {
            _workers[generationId] = (state, error);
            var faulted = _workers.Values.FirstOrDefault(w => w.State == ProjectionState.Faulted);
            var composed = faulted.State == ProjectionState.Faulted ? faulted
                : _workers.Values.Any(w => w.State == ProjectionState.Rebuilding) ? (ProjectionState.Rebuilding, null)
                : (ProjectionState.Running, null);
            services.SetState(projection, composed.State, composed.Error);
        }
    }
}

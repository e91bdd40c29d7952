using Npgsql;
using Platform.Projections.Generations;
using Platform.Write.EventStore;

namespace Platform.Projections.Daemon;

/// <summary>What every runner of one daemon shares.</summary>
internal sealed class DaemonServices(
    NpgsqlDataSource dataSource, EventReader reader, EventNotifier notifier,
    ProjectionOptions options, ProjectionRunnerRegistry registry, TimeProvider time)
{
    public NpgsqlDataSource DataSource { get; } = dataSource;
    public EventReader Reader { get; } = reader;
    public EventNotifier Notifier { get; } = notifier;
    public ProjectionOptions Options { get; } = options;
    public ProjectionRunnerRegistry Registry { get; } = registry;
    public TimeProvider Time { get; } = time;
    public CheckpointStore Checkpoints { get; } = new(dataSource);
    public BatchApplier Applier { get; } = new(dataSource, options, time);
    public FaultRecorder Faults { get; } = new(dataSource, time);
    public GenerationStore Generations { get; } = new(dataSource);
    public GenerationSwitch Switch { get; } = new(dataSource, time);
    public RebuildRequests Rebuilds { get; } = new(dataSource);

    public void SetState(RegisteredProjection projection, ProjectionState state, string? lastError = null)
    {
        var current = Registry.Get(projection.Id);
        if (current is not null && current.State == state && current.LastError == lastError) return;
        Registry.Set(new ProjectionRunnerState(projection.Id, state, Registry.Instance, Time.GetUtcNow(), lastError));
    }

    public TimeSpan NextBackoff(TimeSpan backoff) =>
        TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, Options.FaultBackoffMax.Ticks));
}

using Microsoft.Extensions.Logging;
using Platform.Projections.Generations;
using Platform.Write.EventStore;

namespace Platform.Projections.Daemon;

/// <summary>
/// The active instance's loop for one generation: read a page from its checkpoint, apply it with the
/// checkpoint in one transaction, wait for more. A generation being built beside the serving one
/// switches to serving once it has caught up. Returns when its generation switched or was replaced.
/// </summary>
internal sealed class ProjectionWorker(
    DaemonServices services, ProjectionGeneration generation, bool building, RunnerStateBoard board, ILogger logger)
{
    private static readonly TimeSpan MinHeldBackDelay = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan MaxHeldBackDelay = TimeSpan.FromMilliseconds(10);

    private readonly ProjectionOptions _options = services.Options;
    private readonly FaultRetry _faults = new(services, generation, board, logger);

    public async Task RunAsync(CancellationToken ct)
    {
        if (await _faults.InitializeAsync(ct) is not { } start)
        {
            logger.GenerationReplaced(generation.Id);
            return;
        }
        Checkpoint? current = start;
        board.Report(generation.Id, Healthy);
        // After a batch fails, events are applied one at a time up to its end: the fault then names
        // the exact event, and the good events before it still apply.
        Checkpoint? oneByOneUntil = null;
        var backoff = _options.FaultBackoffMin;
        var heldBackDelay = MinHeldBackDelay;
        var lookForReplacementAt = services.Time.GetUtcNow();
        while (current is { } checkpoint)
        {
            ct.ThrowIfCancellationRequested();
            var notified = services.Notifier.Generation;
            var size = oneByOneUntil is null ? _options.BatchSize : 1;
            var page = await services.Reader.ReadAllAsync(checkpoint, size, generation.Projection.EventTypes, ct);
            if (page.Events.Count > 0)
            {
                var result = await services.Applier.ApplyAsync(generation, checkpoint, page.Events, ct);
                if (result.Status == ApplyStatus.CheckpointMoved)
                {
                    logger.CheckpointMoved(generation.Id);
                    current = await services.Checkpoints.LoadAsync(generation.Id, ct);
                    continue;
                }
                if (result.Status == ApplyStatus.Failed)
                {
                    if (page.Events.Count > 1)
                    {
                        oneByOneUntil = page.Events[^1].Checkpoint;
                        continue;
                    }
                    current = await _faults.FailedAsync(checkpoint, page.Events[0], result.Error!, backoff, ct);
                    backoff = services.NextBackoff(backoff);
                    continue;
                }
                current = checkpoint = page.Next;
                if (oneByOneUntil is { } until && checkpoint >= until) oneByOneUntil = null;
                backoff = _options.FaultBackoffMin;
                heldBackDelay = MinHeldBackDelay;
                board.Report(generation.Id, Healthy);
                if (page.Events.Count >= size) continue;
            }
            // Read to the end of what can be read. Being held back does not stop a switch: it checks
            // that this generation holds every event the serving one has applied.
            if (building && oneByOneUntil is null)
            {
                var outcome = await TrySwitchAsync(checkpoint, ct);
                if (outcome is SwitchOutcome.Switched or SwitchOutcome.Replaced) return;
                if (outcome is SwitchOutcome.Behind) continue;
                if (outcome is SwitchOutcome.CheckpointMoved)
                {
                    current = await services.Checkpoints.LoadAsync(generation.Id, ct);
                    continue;
                }
            }
            if (page.HeldBack)
            {
                // Nobody is told when a running transaction ends, so look again soon, or at the next append.
                await services.Notifier.WaitAsync(notified, heldBackDelay, ct);
                heldBackDelay = TimeSpan.FromTicks(Math.Min(heldBackDelay.Ticks * 2, MaxHeldBackDelay.Ticks));
                continue;
            }
            heldBackDelay = MinHeldBackDelay;
            // An idle generation never claims its checkpoint, so it would not notice a switch that
            // replaced it (from another version's process) without looking.
            if (services.Time.GetUtcNow() >= lookForReplacementAt)
            {
                current = await services.Checkpoints.LoadAsync(generation.Id, ct);
                lookForReplacementAt = services.Time.GetUtcNow() + _options.PollInterval;
                if (current != checkpoint) continue;
            }
            await services.Notifier.WaitAsync(notified, _options.PollInterval, ct);
        }
        logger.GenerationReplaced(generation.Id);
    }

    private ProjectionState Healthy => building ? ProjectionState.Rebuilding : ProjectionState.Running;

    /// <summary>Null when the switch failed on an error, recorded as this generation's fault; tried again after a backoff.</summary>
    private async Task<SwitchOutcome?> TrySwitchAsync(Checkpoint checkpoint, CancellationToken ct)
    {
        try
        {
            var result = await services.Switch.SwitchAsync(generation, checkpoint, services.Registry.Instance, ct);
            if (result.Outcome == SwitchOutcome.Switched)
            {
                logger.Switched(generation.Name, result.From ?? "none", generation.Id);
                // It serves now; the next round takes over from here.
                board.Report(generation.Id, ProjectionState.Running);
            }
            if (result.Outcome == SwitchOutcome.Behind) logger.SwitchBehind(generation.Id);
            return result.Outcome;
        }
        catch (Npgsql.NpgsqlException error) when (!ct.IsCancellationRequested)
        {
            // Such as a view someone built on ours that blocks replacing it: say so, and keep trying.
            logger.SwitchFailed(error, generation.Id);
            board.Report(generation.Id, ProjectionState.Faulted, FaultRecorder.Describe(error));
            await Task.Delay(_options.FaultBackoffMax, services.Time, ct);
            return null;
        }
    }
}

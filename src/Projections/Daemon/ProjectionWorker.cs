using Microsoft.Extensions.Logging;
using Platform.Write.EventStore;

namespace Platform.Projections.Daemon;

/// <summary>
/// The active instance's loop for one projection: read a page from the checkpoint, apply it with the
/// checkpoint in one transaction, wait for more. Runs only while its runner holds the lease.
/// </summary>
internal sealed class ProjectionWorker(DaemonServices services, RegisteredProjection projection, ILogger logger)
{
    private static readonly TimeSpan MinHeldBackDelay = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan MaxHeldBackDelay = TimeSpan.FromMilliseconds(50);

    private readonly ProjectionOptions _options = services.Options;

    public async Task RunAsync(CancellationToken ct)
    {
        var checkpoint = await InitializeAsync(ct);
        services.SetState(projection, ProjectionState.Running);
        // After a batch fails, events are applied one at a time up to its end: the fault then names
        // the exact event, and the good events before it still apply.
        Checkpoint? oneByOneUntil = null;
        var backoff = _options.FaultBackoffMin;
        var heldBackDelay = MinHeldBackDelay;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var generation = services.Notifier.Generation;
            var size = oneByOneUntil is null ? _options.BatchSize : 1;
            var page = await services.Reader.ReadAllAsync(checkpoint, size, projection.EventTypes, ct);
            if (page.Events.Count > 0)
            {
                var result = await services.Applier.ApplyAsync(projection, checkpoint, page.Events, ct);
                if (result.Status == ApplyStatus.CheckpointMoved)
                {
                    logger.CheckpointMoved(projection.Id);
                    checkpoint = await services.Checkpoints.LoadAsync(projection.Id, ct);
                    continue;
                }
                if (result.Status == ApplyStatus.Failed)
                {
                    if (page.Events.Count > 1)
                    {
                        oneByOneUntil = page.Events[^1].Checkpoint;
                        continue;
                    }
                    checkpoint = await RecordFaultAsync(checkpoint, page.Events[0], result.Error!, ct)
                        ? await WaitBeforeRetryAsync(checkpoint, backoff, ct)
                        : await services.Checkpoints.LoadAsync(projection.Id, ct);
                    backoff = services.NextBackoff(backoff);
                    continue;
                }
                checkpoint = page.Next;
                if (oneByOneUntil is { } until && checkpoint >= until) oneByOneUntil = null;
                backoff = _options.FaultBackoffMin;
                heldBackDelay = MinHeldBackDelay;
                services.SetState(projection, ProjectionState.Running);
                if (page.Events.Count >= size) continue;
            }
            if (page.HeldBack)
            {
                // Nobody is told when a running transaction ends, so look again soon.
                await Task.Delay(heldBackDelay, services.Time, ct);
                heldBackDelay = TimeSpan.FromTicks(Math.Min(heldBackDelay.Ticks * 2, MaxHeldBackDelay.Ticks));
                continue;
            }
            heldBackDelay = MinHeldBackDelay;
            await services.Notifier.WaitAsync(generation, _options.PollInterval, ct);
        }
    }

    private async Task<Checkpoint> InitializeAsync(CancellationToken ct)
    {
        var backoff = _options.FaultBackoffMin;
        while (true)
        {
            try
            {
                return await services.Checkpoints.InitializeAsync(projection, services.Registry.Instance, services.Time.GetUtcNow(), ct);
            }
            catch (Exception error) when (!ct.IsCancellationRequested)
            {
                logger.InitializeFailed(error, projection.Id, backoff);
                services.SetState(projection, ProjectionState.Faulted, FaultRecorder.Describe(error));
                await Task.Delay(backoff, services.Time, ct);
                backoff = services.NextBackoff(backoff);
            }
        }
    }

    /// <summary>False when the checkpoint moved meanwhile, so there is nothing to record against.</summary>
    private async Task<bool> RecordFaultAsync(Checkpoint checkpoint, RecordedEvent failed, Exception error, CancellationToken ct)
    {
        var attempts = await services.Faults.RecordAsync(projection, checkpoint, failed, error, ct);
        if (attempts is null) return false;
        logger.EventFailed(error, projection.Id, failed.Position, failed.Type, failed.EventId, attempts.Value);
        services.SetState(projection, ProjectionState.Faulted, FaultRecorder.Describe(error));
        return true;
    }

    // Waits out the backoff, but returns early when an operator moved the checkpoint (a skip): woken
    // at once in this process, noticed within a poll interval from another.
    private async Task<Checkpoint> WaitBeforeRetryAsync(Checkpoint checkpoint, TimeSpan backoff, CancellationToken ct)
    {
        var deadline = services.Time.GetUtcNow() + backoff;
        while (true)
        {
            var remaining = deadline - services.Time.GetUtcNow();
            if (remaining <= TimeSpan.Zero) break;
            await services.Registry.WaitForWakeAsync(
                projection.Id, remaining < _options.PollInterval ? remaining : _options.PollInterval, services.Time, ct);
            var current = await services.Checkpoints.LoadAsync(projection.Id, ct);
            if (current != checkpoint) return current;
        }
        return await services.Checkpoints.LoadAsync(projection.Id, ct);
    }
}

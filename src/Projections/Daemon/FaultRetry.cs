using Microsoft.Extensions.Logging;
using Platform.Projections.Generations;
using Platform.Write.EventStore;

namespace Platform.Projections.Daemon;

/// <summary>
/// How a generation's worker gets past errors: initialization retried with backoff, and an event that
/// fails recorded as a fault and retried until it applies or an operator skips it.
/// </summary>
internal sealed class FaultRetry(DaemonServices services, ProjectionGeneration generation, RunnerStateBoard board, ILogger logger)
{
    /// <summary>Where the generation starts; null when a switch has replaced it.</summary>
    public async Task<Checkpoint?> InitializeAsync(CancellationToken ct)
    {
        var backoff = services.Options.FaultBackoffMin;
        while (true)
        {
            try
            {
                return await services.Generations.InitializeAsync(
                    generation, services.Registry.Instance, services.Time.GetUtcNow(), ct);
            }
            catch (Exception error) when (!ct.IsCancellationRequested)
            {
                logger.InitializeFailed(error, generation.Id, backoff);
                board.Report(generation.Id, ProjectionState.Faulted, FaultRecorder.Describe(error));
                await Task.Delay(backoff, services.Time, ct);
                backoff = services.NextBackoff(backoff);
            }
        }
    }

    /// <summary>
    /// Records the failed event and waits out the backoff; returns the checkpoint to go on from, which
    /// an operator's skip may have moved, or null when the generation was replaced meanwhile.
    /// </summary>
    public async Task<Checkpoint?> FailedAsync(
        Checkpoint checkpoint, RecordedEvent failed, Exception error, TimeSpan backoff, CancellationToken ct)
    {
        var attempts = await services.Faults.RecordAsync(generation, checkpoint, failed, error, ct);
        // Nothing recorded: the checkpoint moved meanwhile, so there is nothing to record against.
        if (attempts is null) return await services.Checkpoints.LoadAsync(generation.Id, ct);
        logger.EventFailed(error, generation.Id, failed.Position, failed.Type, failed.EventId, attempts.Value);
        board.Report(generation.Id, ProjectionState.Faulted, FaultRecorder.Describe(error));
        return await WaitBeforeRetryAsync(checkpoint, backoff, ct);
    }

    // Waits out the backoff, but returns early when an operator moved the checkpoint (a skip): woken
    // at once in this process, noticed within a poll interval from another.
    private async Task<Checkpoint?> WaitBeforeRetryAsync(Checkpoint checkpoint, TimeSpan backoff, CancellationToken ct)
    {
        var poll = services.Options.PollInterval;
        var deadline = services.Time.GetUtcNow() + backoff;
        while (true)
        {
            var remaining = deadline - services.Time.GetUtcNow();
            if (remaining <= TimeSpan.Zero) break;
            await services.Registry.WaitForWakeAsync(generation.Projection.Id, remaining < poll ? remaining : poll, services.Time, ct);
            var current = await services.Checkpoints.LoadAsync(generation.Id, ct);
            if (current != checkpoint) return current;
        }
        return await services.Checkpoints.LoadAsync(generation.Id, ct);
    }
}

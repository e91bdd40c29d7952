using Microsoft.Extensions.Logging;
using Platform.Projections.Generations;

namespace Platform.Projections.Daemon;

/// <summary>
/// Runs one projection in this process: stands by until it wins the projection's leadership lock,
/// then applies events until it stops or the lock may be lost, then stands by again. Once a newer
/// version serves, this version is retired and never applied again.
/// </summary>
internal sealed class ProjectionRunner(DaemonServices services, RegisteredProjection projection, ILogger logger)
{
    private readonly GenerationSupervisor _supervisor = new(services, projection, logger);

    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var retry = services.Options.StandbyRetry;
            try
            {
                if (await IsRetiredAsync(ct))
                {
                    services.SetState(projection, ProjectionState.Retired);
                }
                else
                {
                    services.SetState(projection, ProjectionState.Standby);
                    await using var lease = await ProjectionLease.TryAcquireAsync(
                        services.DataSource, projection.Id, services.Options.LeaseCheckInterval, services.Time, logger, ct);
                    if (lease is not null)
                    {
                        try
                        {
                            retry = await RunActiveAsync(lease, ct);
                        }
                        finally
                        {
                            // Before the lock is released, so this process never claims to be active
                            // at the same moment as the instance taking over.
                            services.SetState(projection, ct.IsCancellationRequested ? ProjectionState.Stopped : ProjectionState.Standby);
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception error)
            {
                logger.LeadershipAttemptFailed(error, projection.Id);
            }
            await Task.Delay(retry, services.Time, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        services.SetState(projection, ProjectionState.Stopped);
    }

    // Looked at before taking the lock, so a retired version's process does not become active (and
    // say so in its log) every StandbyRetry just to find out.
    private async Task<bool> IsRetiredAsync(CancellationToken ct) =>
        (await GenerationLineup.LoadAsync(services.DataSource, projection.Name, ct)).Retires(projection);

    /// <summary>Applies until something stops it; returns how long to wait before standing by again.</summary>
    private async Task<TimeSpan> RunActiveAsync(ProjectionLease lease, CancellationToken ct)
    {
        logger.BecameActive(services.Registry.Instance, projection.Id);
        using var active = CancellationTokenSource.CreateLinkedTokenSource(ct, lease.Lost);
        try
        {
            await _supervisor.RunAsync(active.Token);
            return TimeSpan.Zero;
        }
        catch (Exception error) when (lease.Lost.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            // Whatever was in flight was cancelled and rolled back. Trying again at once either wins
            // the lock back or finds that a standby has taken over.
            logger.StoppedLeadershipLost(error, services.Registry.Instance, projection.Id);
            return TimeSpan.Zero;
        }
        catch (Exception error) when (!ct.IsCancellationRequested)
        {
            // Usually the database went away; letting go of the lock lets a healthier instance try.
            logger.StoppedOnError(error, projection.Id);
        }
        return services.Options.StandbyRetry;
    }
}

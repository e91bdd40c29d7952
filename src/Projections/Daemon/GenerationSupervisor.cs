using Microsoft.Extensions.Logging;
using Platform.Projections.Generations;

namespace Platform.Projections.Daemon;

/// <summary>
/// What the active instance of one projection runs: a worker for its generation that serves reads,
/// and one for a generation being built beside it (this newer version, or an operator's rebuild).
/// Both run under the runner's one lease: a switch touches both generations' checkpoints and tables,
/// and with one instance owning both, nobody else applies either while it switches (the conditional
/// claim still guards each checkpoint). It plans again whenever a worker stops or a rebuild is asked for.
/// </summary>
internal sealed class GenerationSupervisor(DaemonServices services, RegisteredProjection projection, ILogger logger)
{
    /// <summary>Runs until cancelled; returns when a newer version has retired this one.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        while (true)
        {
            var lineup = await GenerationLineup.LoadAsync(services.DataSource, projection.Name, ct);
            if (lineup.Retires(projection))
            {
                logger.Retired(projection.Id);
                return;
            }
            if (lineup.PendingRebuild(projection) is { } rebuild)
            {
                logger.RebuildStarted(projection.Id, rebuild.Id);
                await services.Rebuilds.StartAsync(rebuild.Id, services.Time.GetUtcNow(), ct);
                continue;
            }
            await RunRoundAsync(lineup, ct);
        }
    }

    // Until the first of its tasks stops: a generation switched or was replaced, or a rebuild waits.
    private async Task RunRoundAsync(GenerationLineup lineup, CancellationToken ct)
    {
        var board = new RunnerStateBoard(services, projection);
        using var round = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var tasks = new List<Task>();
        var serving = lineup.Serving(projection);
        if (serving is { } s) tasks.Add(Worker(s, building: false, board).RunAsync(round.Token));
        if (lineup.Building(projection) is { } b) tasks.Add(Worker(b, building: true, board).RunAsync(round.Token));
        else if (serving is not null) tasks.Add(WaitForRebuildAsync(round.Token));
        if (tasks.Count == 0) return;
        var first = await Task.WhenAny(tasks);
        await round.CancelAsync();
        await Task.WhenAll(tasks).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await first;
    }

    private ProjectionWorker Worker(int generation, bool building, RunnerStateBoard board) =>
        new(services, new ProjectionGeneration(projection, generation), building, board, logger);

    // A request may come from another process, so it is looked for every poll interval; one made in
    // this process wakes it at once.
    private async Task WaitForRebuildAsync(CancellationToken ct)
    {
        while (true)
        {
            await services.Registry.WaitForWakeAsync(projection.Id, services.Options.PollInterval, services.Time, ct);
            var lineup = await GenerationLineup.LoadAsync(services.DataSource, projection.Name, ct);
            if (lineup.PendingRebuild(projection) is not null || lineup.Retires(projection)) return;
        }
    }
}

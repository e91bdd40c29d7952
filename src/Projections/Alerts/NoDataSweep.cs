using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Write.Devices.Alerts;
using Platform.Write.EventStore;

namespace Platform.Projections.Alerts;

/// <summary>
/// "No data for N minutes" is the absence of an event, so no reading can raise it: this sweep looks
/// every <see cref="Interval"/> for no-data rules whose device has been silent that long and raises
/// their alerts; the reactor clears them when data comes back. Rows are locked (skip locked), so
/// sweeps in several processes and the reactor never act on one rule at once.
/// </summary>
public sealed partial class NoDataSweep(IServiceProvider services, TimeProvider time, ILogger<NoDataSweep> logger) : BackgroundService
{
    private const int BatchSize = 200;

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Raises the alerts of every rule silent at <paramref name="now"/>; answers how many.</summary>
    public async Task<int> SweepAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var raised = 0;
        int found, round;
        do
        {
            round = 0;
            await using var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var silent = await WatchRows.SilentAsync(connection, transaction, now, BatchSize, ct);
            found = silent.Count;
            var writer = new AlertWriter(services.GetRequiredService<ReactorAppend>(), connection, transaction, now);
            var saved = new List<(Guid, RuleWatch)>();
            foreach (var (tenant, watch) in silent)
            {
                var (next, command) = RuleMonitor.Sweep(watch, now, Guid.CreateVersion7);
                if (command is null) continue;
                await writer.ApplyAsync(tenant, watch, command, null, notify: true, ct);
                saved.Add((tenant, next));
                round++;
            }
            await WatchRows.SaveAsync(connection, transaction, saved, [], now, ct);
            await transaction.CommitAsync(ct);
            raised += round;
        }
        while (found == BatchSize && round > 0);
        return raised;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Interval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stoppingToken.IsCancellationRequested) break;
            try
            {
                var raised = await SweepAsync(time.GetUtcNow(), stoppingToken);
                if (raised > 0) LogRaised(raised);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be away; the next round tries again.
                LogFailed(error);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No-data sweep raised {Count} alerts")]
    private partial void LogRaised(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No-data sweep failed")]
    private partial void LogFailed(Exception error);
}

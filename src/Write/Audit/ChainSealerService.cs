using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Write.EventStore;

namespace Platform.Write.Audit;

/// <summary>
/// Seals new events shortly after they commit: woken by appends, polling as a fallback. Its parts are
/// resolved once it runs: the host builds every hosted service before starting any, and in embedded
/// mode the database exists only once its cluster has started.
/// </summary>
public sealed partial class ChainSealerService(IServiceProvider services, AuditOptions options, ILogger<ChainSealerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sealer = services.GetRequiredService<EventChainSealer>();
        var notifier = services.GetRequiredService<EventNotifier>();
        while (!stoppingToken.IsCancellationRequested)
        {
            var generation = notifier.Generation;
            try
            {
                // A full batch means more is waiting; otherwise wait for the next append, but look
                // again soon: an event held back by a running transaction brings no notification.
                if (await sealer.SealBatchAsync(stoppingToken) >= options.SealBatchSize) continue;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                SealFailed(logger, error);
            }
            await notifier.WaitAsync(generation, options.SealInterval, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sealing the event chain failed; retrying")]
    private static partial void SealFailed(ILogger logger, Exception error);
}

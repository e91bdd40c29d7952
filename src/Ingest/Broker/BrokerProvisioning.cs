using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Ingest.Broker;

/// <summary>Regenerates the broker's files whenever asked (a registry change, a resync), bursts coalesced into one run.</summary>
public sealed partial class BrokerProvisioning(IServiceProvider services, ILogger<BrokerProvisioning> logger) : BackgroundService
{
    private readonly Channel<bool> requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Request() => requests.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resolved when started, not built: the embedded cluster's data source exists only once it runs.
        var provisioner = services.GetRequiredService<BrokerProvisioner>();
        while (await requests.Reader.WaitToReadAsync(stoppingToken))
        {
            requests.Reader.TryRead(out _);
            try
            {
                await provisioner.SyncAsync(stoppingToken);
            }
            catch (Exception error) when (error is NpgsqlException or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                Failed(logger, error);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
                Request();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing the broker's account files failed; retrying")]
    private static partial void Failed(ILogger logger, Exception error);
}

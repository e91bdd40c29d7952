using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Ingest.Broker;
using Platform.Ingest.Mqtt;
using Platform.Ingest.Telemetry;

namespace Platform.Ingest.Worker;

/// <summary>
/// One ingest copy: takes its share of every device's telemetry and status ($share/{group}/...),
/// stores each batch in one transaction (several batches at once, in order: <see cref="IngestPipeline"/>),
/// acknowledges the broker's deliveries (PUBACK) only after that commit, then publishes each (device, boot)'s highest contiguous stored seq on .../ack.
/// A crash before the commit loses nothing: the broker or the device sends the messages again.
/// </summary>
public sealed partial class IngestWorker(
    IServiceProvider services, IOptions<IngestOptions> ingest, IOptions<MqttBrokerOptions> broker, IngestCounters counters, ILoggerFactory loggers)
    : BackgroundService
{
    private readonly ILogger logger = loggers.CreateLogger<IngestWorker>();
    // Resolved when started, not built: the embedded cluster's data source exists only once it runs.
    private IngestBatch Sorter => services.GetRequiredService<IngestBatch>();

    private IngestStore Store => services.GetRequiredService<IngestStore>();

    private PresenceRecorder Presence => services.GetRequiredService<PresenceRecorder>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await using var client = new MqttClient(ClientOptions(), loggers.CreateLogger<MqttClient>());
            try
            {
                counters.Connection = "connecting";
                await client.ConnectAsync(stoppingToken);
                var group = ingest.Value.Group;
                await client.SubscribeAsync(
                    [new($"$share/{group}/tenants/+/devices/+/telemetry", MqttQos.AtLeastOnce), new($"$share/{group}/tenants/+/devices/+/status", MqttQos.AtLeastOnce)],
                    stoppingToken);
                counters.Connection = "connected";
                await ConsumeAsync(client, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (error is MqttConnectException or MqttConnectionLostException or MqttSubscribeException)
            {
                counters.Connection = $"disconnected: {error.Message}";
                Disconnected(logger, error.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever it was, the worker must not end: what it had not acknowledged comes again.
                counters.Connection = $"restarting after {error.GetType().Name}";
                Failed(logger, error);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task ConsumeAsync(MqttClient client, CancellationToken ct)
    {
        using var pipeline = new IngestPipeline(client, Sorter, Store, Presence, counters, ingest.Value.BatchSize, logger);
        await pipeline.RunAsync(Math.Max(1, ingest.Value.PipelinedBatches), ct);
        // Completed: the broker refused a reconnect for good (the error says why).
        await client.Messages.Completion;
    }

    private MqttClientOptions ClientOptions() => new(broker.Value.Host, broker.Value.Port, ingest.Value.EffectiveClientId)
    {
        Username = broker.Value.Username,
        Password = broker.Value.Password,
        CleanSession = !ingest.Value.PersistentSession,
        ReceiveQueueCapacity = Math.Max(4096, ingest.Value.BatchSize * 4),
        ReconnectDelay = TimeSpan.FromMilliseconds(100),
        MaximumReconnectDelay = TimeSpan.FromSeconds(5),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest lost the broker: {Reason}; connecting again")]
    private static partial void Disconnected(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingest failed; reconnecting")]
    private static partial void Failed(ILogger logger, Exception error);
}

using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Platform.Ingest.Mqtt;

/// <summary>
/// An MQTT 3.1.1 client for ingest workers. After <see cref="ConnectAsync"/> it stays connected,
/// reconnecting with backoff, until <see cref="DisconnectAsync"/>. Received messages arrive on
/// <see cref="Messages"/> and are acknowledged by the consumer (<see cref="MqttMessage.AckAsync"/>).
/// </summary>
public sealed partial class MqttClient : IAsyncDisposable
{
    private readonly MqttClientOptions options;
    private readonly ILogger logger;
    private readonly MqttSession session = new();
    private readonly Channel<MqttMessage> received;
    private readonly CancellationTokenSource lifetime = new();
    private readonly Lock gate = new();
    private TaskCompletionSource<MqttClientConnection> connected = NewConnectedSource();
    private Task supervisor = Task.CompletedTask;
    private int generation;
    private bool started;

    public MqttClient(MqttClientOptions options, ILogger<MqttClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
        this.logger = logger ?? NullLogger<MqttClient>.Instance;
        received = Channel.CreateBounded<MqttMessage>(new BoundedChannelOptions(options.ReceiveQueueCapacity) { SingleWriter = true });
    }

    /// <summary>Completes when the client stops; with the error when the broker refused a reconnect for good.</summary>
    public ChannelReader<MqttMessage> Messages => received.Reader;

    public bool IsConnected => connected.Task.IsCompletedSuccessfully;

    /// <summary>Why the last connection ended (for health checks and logs).</summary>
    public string? LastCloseReason { get; private set; }

    /// <summary>QoS 1 publishes still waiting for the broker's PUBACK.</summary>
    public int UnacknowledgedPublishes => session.PendingCount;

    public Task WaitUntilConnectedAsync(CancellationToken ct = default) => connected.Task.WaitAsync(ct);

    /// <summary>
    /// QoS 0 completes once written; QoS 1 once the broker's PUBACK arrives, however many reconnects
    /// that takes (persistent session), or fails with <see cref="MqttConnectionLostException"/> when the
    /// connection drops first under a clean session, which the broker forgets along with the message.
    /// </summary>
    public async Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, MqttQos qos = MqttQos.AtMostOnce, bool retain = false, CancellationToken ct = default)
    {
        if (qos == MqttQos.ExactlyOnce)
        {
            throw new NotSupportedException("QoS 2 is not supported: the platform deduplicates QoS 1 deliveries itself.");
        }

        var probe = new PublishPacket(topic, payload, qos, qos == MqttQos.AtMostOnce ? (ushort)0 : (ushort)1) { Retain = retain };
        MqttPacketRules.ThrowIfInvalid(probe);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MqttPacketWriter.SizeOf(probe), options.MaximumPacketSize, nameof(payload));
        if (qos == MqttQos.AtMostOnce)
        {
            var connection = await connected.Task.WaitAsync(ct);
            await connection.SendAsync(probe, ct);
            return;
        }

        var publish = session.Add(topic, payload, retain);
        try
        {
            var connection = await connected.Task.WaitAsync(ct);
            if (session.TryClaim(publish, connection.Generation))
            {
                await connection.SendAsync(publish.Packet, ct);
            }
        }
        catch (OperationCanceledException)
        {
            session.Withdraw(publish);
            throw;
        }
        catch (MqttConnectionLostException)
        {
            // Claimed but not written: the next connection resends it, or a clean session fails it.
        }

        await publish.Acknowledged.Task.WaitAsync(ct);
    }

    public Task<IReadOnlyList<MqttQos>> SubscribeAsync(string topicFilter, MqttQos qos = MqttQos.AtLeastOnce, CancellationToken ct = default) =>
        SubscribeAsync([new MqttSubscription(topicFilter, qos)], ct);

    /// <summary>Returns the granted QoS per filter; throws <see cref="MqttSubscribeException"/> for filters the broker refused.</summary>
    public async Task<IReadOnlyList<MqttQos>> SubscribeAsync(IReadOnlyList<MqttSubscription> subscriptions, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        if (subscriptions.Any(x => x.Qos == MqttQos.ExactlyOnce))
        {
            throw new NotSupportedException("QoS 2 subscriptions are not supported; QoS 1 with deduplication is.");
        }

        MqttPacketRules.ThrowIfInvalid(new SubscribePacket(1, subscriptions));
        while (true)
        {
            var connection = await connected.Task.WaitAsync(ct);
            SubAckPacket answer;
            try
            {
                answer = await connection.SubscribeAsync(subscriptions, ct);
            }
            catch (MqttConnectionLostException)
            {
                continue;
            }

            var granted = subscriptions.Zip(answer.ReturnCodes).Where(x => x.Second != SubscribeReturnCode.Failure).Select(x => x.First).ToList();
            session.Remember(granted);
            if (answer.ReturnCodes.Count != subscriptions.Count || granted.Count != subscriptions.Count)
            {
                throw new MqttSubscribeException([.. subscriptions.Except(granted).Select(x => x.TopicFilter)]);
            }

            return [.. answer.ReturnCodes.Select(x => (MqttQos)(int)x)];
        }
    }

    public async Task UnsubscribeAsync(IReadOnlyList<string> topicFilters, CancellationToken ct = default)
    {
        MqttPacketRules.ThrowIfInvalid(new UnsubscribePacket(1, topicFilters));
        session.Forget(topicFilters);
        while (true)
        {
            var connection = await connected.Task.WaitAsync(ct);
            try
            {
                await connection.UnsubscribeAsync(topicFilters, ct);
                return;
            }
            catch (MqttConnectionLostException)
            {
            }
        }
    }
}

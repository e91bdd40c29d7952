using System.IO.Pipelines;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Platform.Ingest.Mqtt;

/// <summary>
/// The client's side of one connection: CONNECT/CONNACK, dispatch of what the broker sends,
/// SUBSCRIBE/UNSUBSCRIBE waiting for their acknowledgement, keep-alive. A new one per reconnect.
/// </summary>
internal sealed class MqttClientConnection : IAsyncDisposable
{
    private readonly IDuplexPipe transport;
    private readonly MqttClientOptions options;
    private readonly MqttSession session;
    private readonly ChannelWriter<MqttMessage> received;
    private readonly ILogger logger;
    private readonly InboundAcks acks;
    private readonly PendingRequests requests;
    private readonly KeepAlive keepAlive;
    private readonly CancellationTokenSource stopping = new();
    private readonly TaskCompletionSource<ConnAckPacket> connAck = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task keepAliveLoop = Task.CompletedTask;
    private volatile bool waitingForConsumer;

    public MqttClientConnection(IDuplexPipe transport, MqttClientOptions options, MqttSession session, ChannelWriter<MqttMessage> received, int generation, ILogger logger)
    {
        this.transport = transport;
        this.options = options;
        this.session = session;
        this.received = received;
        this.logger = logger;
        Generation = generation;
        Connection = new MqttConnection(transport, options.MaximumPacketSize, logger, options.TimeProvider);
        acks = new InboundAcks(Connection);
        requests = new PendingRequests(session.Ids);
        keepAlive = new KeepAlive(Connection, options.KeepAlive, options.EffectivePingTimeout, options.TimeProvider, () => waitingForConsumer);

        // The loops run on the thread pool, never on the caller's synchronization context (a UI, a test
        // runner with two threads): a keep-alive deadline must not wait for someone else's work.
        Completion = Task.Run(() => Connection.ReadAsync(OnPacketAsync));
    }

    public int Generation { get; }

    public MqttConnection Connection { get; }

    /// <summary>Completes with the reason when the connection ends, whoever ended it.</summary>
    public Task<string> Completion { get; }

    public async Task<ConnAckPacket> HandshakeAsync(CancellationToken ct)
    {
        await Connection.SendAsync(options.ToConnectPacket(), ct);
        using var deadline = new CancellationTokenSource(options.ConnectTimeout, options.TimeProvider);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        await Task.WhenAny(connAck.Task, Completion).WaitAsync(timeout.Token);

        // A refusing broker closes right after its CONNACK: the answer counts, not which finished first.
        if (!connAck.Task.IsCompleted)
        {
            throw new MqttConnectException($"The MQTT broker at {options.Endpoint} closed the connection before CONNACK: {await Completion}");
        }

        var answer = await connAck.Task;
        if (answer.ReturnCode == ConnectReturnCode.Accepted && options.KeepAlive > TimeSpan.Zero)
        {
            keepAliveLoop = Task.Run(() => keepAlive.RunAsync(stopping.Token), CancellationToken.None);
        }

        return answer;
    }

    public ValueTask SendAsync(MqttPacket packet, CancellationToken ct) => Connection.SendAsync(packet, ct);

    public async Task<SubAckPacket> SubscribeAsync(IReadOnlyList<MqttSubscription> subscriptions, CancellationToken ct) =>
        (SubAckPacket)await requests.SendAsync(Connection, id => new SubscribePacket(id, subscriptions), ct);

    public async Task UnsubscribeAsync(IReadOnlyList<string> filters, CancellationToken ct) =>
        await requests.SendAsync(Connection, id => new UnsubscribePacket(id, filters), ct);

    private async ValueTask OnPacketAsync(MqttPacket packet)
    {
        if (!connAck.Task.IsCompleted)
        {
            if (packet is ConnAckPacket answer)
            {
                connAck.TrySetResult(answer);
            }
            else
            {
                Connection.Close($"expected CONNACK, received {packet.GetType().Name}");
            }

            return;
        }

        switch (packet)
        {
            case PublishPacket { Qos: MqttQos.ExactlyOnce }:
                Connection.Close("the broker sent a QoS 2 PUBLISH, yet we never subscribe above QoS 1");
                break;
            case PublishPacket publish:
                await DeliverAsync(new MqttMessage(publish, publish.Qos == MqttQos.AtLeastOnce ? acks.Track(publish.PacketId) : null));
                break;
            case PubAckPacket pubAck:
                // An unknown id is a PUBACK for a publish we resent and the broker had already acknowledged.
                if (!session.Acknowledge(pubAck.PacketId))
                {
                    MqttLog.UnknownPacketId(logger, options.ClientId, "PUBACK", pubAck.PacketId);
                }

                break;
            case SubAckPacket or UnsubAckPacket:
                requests.Complete(packet);
                break;
            case PingRespPacket:
                keepAlive.PingResponded();
                break;
            default:
                Connection.Close($"a broker does not send {packet.GetType().Name}");
                break;
        }
    }

    private async ValueTask DeliverAsync(MqttMessage message)
    {
        if (received.TryWrite(message))
        {
            return;
        }

        waitingForConsumer = true;
        try
        {
            await received.WriteAsync(message, Connection.Closed);
        }
        catch (ChannelClosedException)
        {
            Connection.Close("the client is shutting down");
        }
        finally
        {
            waitingForConsumer = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Connection.Close("the client closed the connection", deliberate: true);
        await stopping.CancelAsync();
        await Completion;
        await keepAliveLoop;
        requests.FailAll(new MqttConnectionLostException(Completion.Result));
        await ((IAsyncDisposable)transport).DisposeAsync();
        Connection.Dispose();
        stopping.Dispose();
    }
}

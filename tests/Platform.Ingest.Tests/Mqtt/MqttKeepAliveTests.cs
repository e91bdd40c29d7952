using Platform.Ingest.Mqtt;
using Platform.Ingest.Tests.Support;

namespace Platform.Ingest.Tests.Mqtt;

public sealed class MqttKeepAliveTests : IAsyncLifetime
{
    private MosquittoBroker broker = null!;
    private MqttClient? client;

    [Fact]
    public async Task An_idle_client_pings_and_stays_connected()
    {
        client = new MqttClient(broker.ClientOptions("keepalive-idle") with { KeepAlive = TimeSpan.FromSeconds(1) });
        await client.ConnectAsync();

        // mosquitto drops a client that is silent for 1.5 keep-alives; 3 seconds is two of those.
        await Task.Delay(TimeSpan.FromSeconds(3));

        client.IsConnected.Should().BeTrue();
        client.LastCloseReason.Should().BeNull();
        CountOf("Received PINGREQ from keepalive-idle").Should().BeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task A_hung_broker_is_detected_by_the_missing_pingresp_and_the_client_reconnects_when_it_recovers()
    {
        client = new MqttClient(broker.ClientOptions("keepalive-hung") with { KeepAlive = TimeSpan.FromSeconds(1), PingTimeout = TimeSpan.FromSeconds(1) });
        await client.ConnectAsync();

        await broker.PauseAsync();
        await Received.UntilAsync(() => !client.IsConnected, "the client to give up on the silent broker");
        client.LastCloseReason.Should().Contain("no PINGRESP within 1 s");

        await broker.ResumeAsync();
        await client.WaitUntilConnectedAsync().WaitAsync(Received.Patience);
        await client.SubscribeAsync("keepalive/#");
        await MosquittoClients.PublishAsync(broker, "keepalive/x", "alive");
        (await client.NextAsync()).Text().Should().Be("alive");
    }

    [Fact]
    public async Task A_client_blocked_sending_to_a_hung_broker_still_detects_it_and_shuts_down_promptly()
    {
        client = new MqttClient(broker.ClientOptions("keepalive-blocked") with { KeepAlive = TimeSpan.FromSeconds(1), PingTimeout = TimeSpan.FromSeconds(1) });
        await client.ConnectAsync();
        await broker.PauseAsync();

        // Far more than the socket buffers hold, so the writes stall on the broker that reads nothing.
        var payload = new byte[256 * 1024];
        var publishes = Enumerable.Range(0, 64).Select(_ => client.PublishAsync("keepalive/flood", payload)).ToList();
        await Received.UntilAsync(() => !client.IsConnected, "keep-alive to end the stalled connection");

        client.LastCloseReason.Should().Contain("no PINGRESP");
        await Task.WhenAll(publishes).ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(Received.Patience);
        publishes.Should().Contain(p => p.IsFaulted, "the sends stuck behind the dead broker fail instead of hanging");
        await client.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
    }

    public async Task InitializeAsync() => broker = await MosquittoBroker.StartAsync(new MosquittoSettings { LogPackets = true });

    public async Task DisposeAsync()
    {
        if (client is not null)
        {
            await client.DisposeAsync();
        }

        await broker.DisposeAsync();
    }

    private int CountOf(string text) => broker.Log().Split('\n').Count(line => line.Contains(text, StringComparison.Ordinal));
}

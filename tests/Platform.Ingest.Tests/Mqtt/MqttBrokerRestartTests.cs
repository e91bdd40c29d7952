using Platform.Ingest.Mqtt;
using Platform.Ingest.Tests.Support;

namespace Platform.Ingest.Tests.Mqtt;

/// <summary>A broker of its own per test: these tests stop, kill and restart it.</summary>
public sealed class MqttBrokerRestartTests : IAsyncLifetime
{
    private MosquittoBroker broker = null!;
    private MqttClient? client;

    [Fact]
    public async Task The_client_reconnects_after_the_broker_restarts_and_restores_its_subscriptions()
    {
        client = await ConnectAsync(broker.ClientOptions("restart-clean"));
        await client.SubscribeAsync("restart/#");

        await broker.StopAsync();
        await Received.UntilAsync(() => !client.IsConnected, "the client to notice the broker is gone");
        await broker.StartAgainAsync();
        await client.WaitUntilConnectedAsync().WaitAsync(Received.Patience);

        await MosquittoClients.PublishAsync(broker, "restart/a", "after restart");
        (await client.NextAsync()).Text().Should().Be("after restart", "a clean session lost its subscription at the broker; the client subscribed again");
        client.LastCloseReason.Should().Contain("the peer closed the connection");
    }

    [Fact]
    public async Task A_persistent_session_survives_the_restart_both_ways()
    {
        client = await ConnectAsync(broker.ClientOptions("restart-persistent") with { CleanSession = false });
        await client.SubscribeAsync("persist/#");
        await MosquittoClients.PublishAsync(broker, "persist/in", "received, not yet committed");
        (await client.NextAsync()).Text().Should().Be("received, not yet committed");

        await broker.StopAsync();
        await Received.UntilAsync(() => !client.IsConnected, "the client to notice the broker is gone");
        var publishing = client.PublishAsync("persist/out", Received.Utf8("published during the outage"), MqttQos.AtLeastOnce);
        await broker.StartAgainAsync();

        await publishing.WaitAsync(Received.Patience);
        var texts = new List<(string, bool)>();
        for (var i = 0; i < 2; i++)
        {
            var message = await client.NextAsync();
            texts.Add((message.Text(), message.Duplicate));
            await message.AckAsync();
        }

        texts.Should().BeEquivalentTo([("received, not yet committed", true), ("published during the outage", false)]);
    }

    [Fact]
    public async Task A_publish_the_broker_did_not_acknowledge_is_resent_with_dup_after_a_crash()
    {
        await broker.DisposeAsync();
        broker = await MosquittoBroker.StartAsync(new MosquittoSettings { LogPackets = true });
        client = await ConnectAsync(broker.ClientOptions("restart-dup") with { CleanSession = false });

        await broker.PauseAsync();
        var publishing = client.PublishAsync("dup/out", Received.Utf8("sent, never acknowledged"), MqttQos.AtLeastOnce);
        await Task.Delay(200);
        publishing.IsCompleted.Should().BeFalse("a paused broker sends no PUBACK");
        await broker.KillAsync();
        await broker.StartAgainAsync();

        await publishing.WaitAsync(Received.Patience);
        broker.Log().Should().Contain("Received PUBLISH from restart-dup (d1, q1, r0, m1, 'dup/out'");
    }

    [Fact]
    public async Task Under_a_clean_session_a_publish_cut_off_by_the_connection_fails_clearly()
    {
        client = await ConnectAsync(broker.ClientOptions("restart-clean-publish"));
        await broker.PauseAsync();
        var publishing = client.PublishAsync("clean/out", Received.Utf8("x"), MqttQos.AtLeastOnce);
        await Task.Delay(100);

        client.DropConnection("simulated network failure");

        var wait = async () => await publishing.WaitAsync(Received.Patience);
        (await wait.Should().ThrowAsync<MqttConnectionLostException>()).Which.Message.Should().Contain("clean session");
        await broker.ResumeAsync();
    }

    public async Task InitializeAsync() => broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync()
    {
        if (client is not null)
        {
            await client.DisposeAsync();
        }

        await broker.DisposeAsync();
    }

    private static async Task<MqttClient> ConnectAsync(MqttClientOptions options)
    {
        var connected = new MqttClient(options);
        await connected.ConnectAsync();
        return connected;
    }
}

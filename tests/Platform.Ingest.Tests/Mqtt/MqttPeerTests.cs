using Platform.Ingest.Mqtt;
using Platform.Ingest.Tests.Support;

namespace Platform.Ingest.Tests.Mqtt;

/// <summary>Our client against mosquitto, with mosquitto_pub and mosquitto_sub as the independent other side.</summary>
public sealed class MqttPeerTests(MosquittoFixture fixture) : IClassFixture<MosquittoFixture>, IAsyncLifetime
{
    private readonly List<MqttClient> clients = [];

    private MosquittoBroker Broker => fixture.Broker;

    [Fact]
    public async Task Our_qos0_and_qos1_publishes_reach_mosquitto_sub()
    {
        using var subscriber = await MosquittoClients.SubscribeAsync(Broker, "peer/out/#", count: 3);
        var client = await ConnectAsync("peer-out");

        await client.PublishAsync("peer/out/a", Received.Utf8("zero"), MqttQos.AtMostOnce);
        await client.PublishAsync("peer/out/b", Received.Utf8("one"), MqttQos.AtLeastOnce);
        await client.PublishAsync("peer/out/c", Received.Utf8("Kühlung 4,5 °C ✓"), MqttQos.AtLeastOnce);

        client.UnacknowledgedPublishes.Should().Be(0, "a QoS 1 publish completes only once its PUBACK arrived");
        (await subscriber.MessagesAsync()).Should().Equal("peer/out/a zero", "peer/out/b one", "peer/out/c Kühlung 4,5 °C ✓");
    }

    [Fact]
    public async Task Messages_from_mosquitto_pub_arrive_with_their_topic_payload_and_qos()
    {
        var client = await ConnectAsync("peer-in");
        (await client.SubscribeAsync("peer/in/+")).Should().Equal(MqttQos.AtLeastOnce);

        await MosquittoClients.PublishAsync(Broker, "peer/in/d1", "{\"seq\":1}", qos: 1);
        await MosquittoClients.PublishAsync(Broker, "peer/in/d2", "zero", qos: 0);

        var first = await client.NextAsync();
        (first.Topic, first.Text(), first.Qos, first.Duplicate).Should().Be(("peer/in/d1", "{\"seq\":1}", MqttQos.AtLeastOnce, false));
        await first.AckAsync();
        var second = await client.NextAsync();
        (second.Topic, second.Text(), second.Qos).Should().Be(("peer/in/d2", "zero", MqttQos.AtMostOnce));
    }

    [Fact]
    public async Task A_shared_subscription_splits_the_messages_between_its_clients()
    {
        var first = await ConnectAsync("ingest-a");
        var second = await ConnectAsync("ingest-b");
        await first.SubscribeAsync("$share/ingest/peer/shared/+/telemetry");
        await second.SubscribeAsync("$share/ingest/peer/shared/+/telemetry");

        var sent = Enumerable.Range(1, 40).Select(i => $"reading-{i}").ToList();
        await MosquittoClients.PublishLinesAsync(Broker, "peer/shared/d1/telemetry", sent);

        var byClient = new[] { new List<string>(), new List<string>() };
        await Task.WhenAll(Drain(first, byClient[0]), Drain(second, byClient[1]));
        byClient[0].Should().NotBeEmpty().And.HaveCountLessThan(40);
        byClient[1].Should().NotBeEmpty();
        byClient[0].Concat(byClient[1]).Should().BeEquivalentTo(sent, "each message goes to exactly one client of the group");

        async Task Drain(MqttClient client, List<string> into)
        {
            using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (byClient[0].Count + byClient[1].Count < sent.Count && !quiet.IsCancellationRequested)
            {
                if (client.Messages.TryRead(out var message))
                {
                    lock (byClient)
                    {
                        into.Add(message.Text());
                    }

                    await message.AckAsync();
                }
                else
                {
                    await Task.Delay(5);
                }
            }
        }
    }

    [Fact]
    public async Task An_unacknowledged_message_is_redelivered_to_the_persistent_session_until_acknowledged()
    {
        var options = Broker.ClientOptions("peer-redeliver") with { CleanSession = false };
        var worker = await ConnectAsync(options);
        await worker.SubscribeAsync("peer/redeliver");
        await MosquittoClients.PublishAsync(Broker, "peer/redeliver", "m1");
        (await worker.NextAsync()).Text().Should().Be("m1");
        await worker.DisposeAsync(); // Killed before its commit: no PUBACK.

        var restarted = await ConnectAsync(options);
        var again = await restarted.NextAsync();
        (again.Text(), again.Duplicate).Should().Be(("m1", true));
        await again.AckAsync();
        await restarted.DisposeAsync();

        var third = await ConnectAsync(options);
        await MosquittoClients.PublishAsync(Broker, "peer/redeliver", "m2");
        (await third.NextAsync()).Text().Should().Be("m2", "m1 was acknowledged and is not delivered a third time");
    }

    [Fact]
    public async Task Refused_credentials_surface_as_a_connect_exception_with_the_connack_code()
    {
        var wrong = Broker.ClientOptions("peer-auth") with { Username = MosquittoFixture.Ingest.Name, Password = "wrong" };

        var connect = async () => await ConnectAsync(wrong);

        var refused = (await connect.Should().ThrowAsync<MqttConnectException>()).Which;
        refused.ReturnCode.Should().BeOneOf(ConnectReturnCode.BadUsernameOrPassword, ConnectReturnCode.NotAuthorized);
        refused.IsPermanent.Should().BeTrue();
        refused.Message.Should().Contain("refused the connection").And.Contain(Broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        refused.Message.Should().NotContain("wrong", "the password stays out of messages");

        var right = await ConnectAsync(wrong with { Password = MosquittoFixture.Ingest.Password });
        right.IsConnected.Should().BeTrue();
    }

    [Fact]
    public async Task A_broker_that_is_not_there_is_a_connect_exception()
    {
        var nowhere = new MqttClientOptions("127.0.0.1", 1, "peer-nowhere") { ConnectTimeout = TimeSpan.FromSeconds(2) };

        var connect = async () => await ConnectAsync(nowhere);

        (await connect.Should().ThrowAsync<MqttConnectException>()).Which.Message.Should().Contain("Could not reach the MQTT broker at 127.0.0.1:1");
    }

    [Fact]
    public async Task The_will_is_published_when_the_connection_dies_without_disconnect()
    {
        using var subscriber = await MosquittoClients.SubscribeAsync(Broker, "peer/will/#", count: 1);
        var client = await ConnectAsync(Broker.ClientOptions("peer-will") with { Will = new MqttWill("peer/will/peer-will", Received.Utf8("offline")) });

        client.DropConnection("simulated network failure");

        (await subscriber.MessagesAsync()).Should().Equal("peer/will/peer-will offline");
    }

    [Fact]
    public async Task A_clean_disconnect_discards_the_will_and_completes_the_messages()
    {
        using var subscriber = await MosquittoClients.SubscribeAsync(Broker, "peer/bye/#", count: 1);
        var client = await ConnectAsync(Broker.ClientOptions("peer-bye") with { Will = new MqttWill("peer/bye/peer-bye", Received.Utf8("offline")) });

        await client.DisconnectAsync();
        await MosquittoClients.PublishAsync(Broker, "peer/bye/marker", "after");

        (await subscriber.MessagesAsync()).Should().Equal(["peer/bye/marker after"], "a DISCONNECT tells the broker to drop the will");
        client.Messages.Completion.IsCompletedSuccessfully.Should().BeTrue();
        client.IsConnected.Should().BeFalse();
    }

    [Fact]
    public async Task A_packet_over_the_maximum_size_closes_the_connection_with_a_logged_reason_and_the_client_recovers()
    {
        var logger = new ListLogger<MqttClient>();
        var client = await ConnectAsync(Broker.ClientOptions("peer-big") with { MaximumPacketSize = 1024 }, logger);
        await client.SubscribeAsync("peer/big/#", MqttQos.AtMostOnce);

        await MosquittoClients.PublishAsync(Broker, "peer/big/x", new string('x', 4096), qos: 0);
        await Received.UntilAsync(() => client.LastCloseReason is not null, "the oversized packet to close the connection");
        client.LastCloseReason.Should().Contain("exceeds the maximum of 1024");
        logger.Lines.Should().Contain(line => line.Contains("MQTT connection closed: malformed packet", StringComparison.Ordinal));

        await client.WaitUntilConnectedAsync().WaitAsync(Received.Patience);
        await MosquittoClients.PublishAsync(Broker, "peer/big/x", "small", qos: 0);
        (await client.NextAsync()).Text().Should().Be("small", "the clean session was restored with its subscription");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }

    private Task<MqttClient> ConnectAsync(string clientId) => ConnectAsync(Broker.ClientOptions(clientId));

    private async Task<MqttClient> ConnectAsync(MqttClientOptions options, ListLogger<MqttClient>? logger = null)
    {
        var client = new MqttClient(options, logger);
        clients.Add(client);
        await client.ConnectAsync();
        return client;
    }
}

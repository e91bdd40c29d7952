using Platform.Ingest.Mqtt;
using Platform.Ingest.Tests.Support;

namespace Platform.Ingest.Tests.Mqtt;

/// <summary>Our client against mosquitto, with mosquitto_pub and mosquitto_sub as the independent other side.</summary>
public sealed class MqttPeerTests(MosquittoFixture fixture) : MosquittoClientTests(fixture)
{
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
}

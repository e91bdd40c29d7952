using Platform.Ingest.Mqtt;
using Platform.Ingest.Tests.Support;

namespace Platform.Ingest.Tests.Mqtt;

/// <summary>What the ingest relies on: shared subscriptions, redelivery until acknowledged, a bounded packet size.</summary>
public sealed class MqttDeliveryTests(MosquittoFixture fixture) : MosquittoClientTests(fixture)
{
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
}

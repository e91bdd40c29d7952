using Platform.Ingest.Mqtt;
using Platform.Ingest.Tests.Support;

namespace Platform.Ingest.Tests.Mqtt;

public sealed class MqttHostileBrokerTests
{
    private readonly ListLogger<MqttClient> logger = new();

    [Fact]
    public async Task Garbage_from_the_broker_closes_each_connection_with_a_logged_reason_and_the_client_carries_on()
    {
        await using var broker = new HostileBroker(async (index, stream, ct) =>
        {
            var random = new Random(index);
            var garbage = new byte[random.Next(1, 400)];
            random.NextBytes(garbage);
            await stream.WriteAsync(HostileBroker.ConnAckAccepted, ct);
            await stream.WriteAsync(garbage, ct);
        });
        await using var client = new MqttClient(Options(broker) with { MaximumPacketSize = 512 }, logger);
        await client.ConnectAsync();
        using var draining = new CancellationTokenSource();
        var drain = DrainAsync(client, draining.Token);

        await Received.UntilAsync(() => broker.Accepted >= 100, "100 garbage sessions");

        var closes = logger.Lines.Where(line => line.StartsWith("Warning: MQTT connection closed: ", StringComparison.Ordinal)).ToList();
        closes.Should().HaveCountGreaterThanOrEqualTo(99);
        closes.Should().Contain(line => line.Contains("malformed packet", StringComparison.Ordinal))
            .And.Contain(line => line.Contains("peer closed", StringComparison.Ordinal));
        client.Messages.Completion.IsCompleted.Should().BeFalse("garbage ends a connection, never the client");
        await draining.CancelAsync();
        await drain;
    }

    [Fact]
    public async Task A_broker_that_never_answers_connect_times_out_clearly()
    {
        await using var broker = new HostileBroker((_, _, ct) => Task.Delay(Timeout.Infinite, ct));
        await using var client = new MqttClient(Options(broker) with { ConnectTimeout = TimeSpan.FromMilliseconds(300) }, logger);

        var connect = async () => await client.ConnectAsync();

        (await connect.Should().ThrowAsync<MqttConnectException>()).Which.Message.Should().Contain("sent no CONNACK within");
    }

    [Theory]
    [InlineData("D0 00", "expected CONNACK, received PingRespPacket")]
    [InlineData("20 02 00 00 34 04 00 01 61 00", "malformed packet")]
    [InlineData("20 02 00 00 34 05 00 01 61 00 01", "QoS 2 PUBLISH")]
    [InlineData("20 02 00 00 10 0D 00 04 4D 51 54 54 04 02 00 3C 00 01 61", "a broker does not send ConnectPacket")]
    [InlineData("20 02 00 00 32 09 00 03", "truncated packet")]
    public async Task A_protocol_violation_closes_the_connection_with_its_reason(string hex, string reason)
    {
        await using var broker = new HostileBroker(async (index, stream, ct) =>
        {
            // The first session is the test; later ones (reconnects) get a plain CONNACK and silence.
            await stream.WriteAsync(index == 0 ? Bytes.Hex(hex) : HostileBroker.ConnAckAccepted, ct);
            await Task.Delay(index == 0 ? 50 : Timeout.Infinite, ct);
        });
        await using var client = new MqttClient(Options(broker), logger);

        try
        {
            await client.ConnectAsync();
        }
        catch (MqttConnectException)
        {
            // Violations before or in place of the CONNACK fail the connect itself; the reason is logged either way.
        }

        await Received.UntilAsync(() => logger.Lines.Any(line => line.Contains(reason, StringComparison.Ordinal)), $"a close logged with '{reason}'");
    }

    [Fact]
    public async Task A_broker_that_stalls_mid_packet_is_dropped_by_keep_alive()
    {
        await using var broker = new HostileBroker(async (_, stream, ct) =>
        {
            await stream.WriteAsync(HostileBroker.ConnAckAccepted, ct);
            await stream.WriteAsync(Bytes.Hex("32 09 00 03"), ct);
            await Task.Delay(Timeout.Infinite, ct);
        });
        await using var client = new MqttClient(Options(broker) with { KeepAlive = TimeSpan.FromSeconds(1), PingTimeout = TimeSpan.FromMilliseconds(500) }, logger);
        await client.ConnectAsync();

        await Received.UntilAsync(() => client.LastCloseReason is not null, "keep-alive to end the stalled connection");

        client.LastCloseReason.Should().Contain("no PINGRESP");
    }

    private static MqttClientOptions Options(HostileBroker broker) => new("127.0.0.1", broker.Port, "hostile")
    {
        ReconnectDelay = TimeSpan.FromMilliseconds(1),
        MaximumReconnectDelay = TimeSpan.FromMilliseconds(5),
        ConnectTimeout = TimeSpan.FromSeconds(2),
    };

    private static async Task DrainAsync(MqttClient client, CancellationToken ct)
    {
        try
        {
            await foreach (var message in client.Messages.ReadAllAsync(ct))
            {
                await message.AckAsync(ct);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}

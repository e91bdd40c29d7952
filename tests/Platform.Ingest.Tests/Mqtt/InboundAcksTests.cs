using Microsoft.Extensions.Logging.Abstractions;
using Platform.Ingest.Mqtt;

namespace Platform.Ingest.Tests.Mqtt;

public sealed class InboundAcksTests
{
    private readonly PipePair pipes = new();

    [Fact]
    public async Task Pubacks_go_out_in_arrival_order_whatever_order_the_consumer_acknowledges_in()
    {
        using var connection = new MqttConnection(pipes, 1024, NullLogger.Instance, TimeProvider.System);
        var acks = new InboundAcks(connection);
        var first = acks.Track(11);
        var second = acks.Track(12);
        var third = acks.Track(13);

        await third.AckAsync(default);
        await second.AckAsync(default);
        (await pipes.SentAsync()).Should().BeEmpty("11 arrived first and is not acknowledged yet");
        acks.Unacknowledged.Should().Be(3);

        await first.AckAsync(default);
        (await pipes.SentAsync()).Should().Equal(new PubAckPacket(11), new PubAckPacket(12), new PubAckPacket(13));
        acks.Unacknowledged.Should().Be(0);
    }

    [Fact]
    public async Task Acknowledging_twice_sends_one_puback()
    {
        using var connection = new MqttConnection(pipes, 1024, NullLogger.Instance, TimeProvider.System);
        var entry = new InboundAcks(connection).Track(5);

        await entry.AckAsync(default);
        await entry.AckAsync(default);

        (await pipes.SentAsync()).Should().Equal(new PubAckPacket(5));
    }

    [Fact]
    public async Task Acknowledging_after_the_connection_closed_is_a_quiet_no_op()
    {
        using var connection = new MqttConnection(pipes, 1024, NullLogger.Instance, TimeProvider.System);
        var entry = new InboundAcks(connection).Track(5);
        connection.Close("test");

        var ack = async () => await entry.AckAsync(default);

        await ack.Should().NotThrowAsync("the broker redelivers the message on the next connection");
        (await pipes.SentAsync()).Should().BeEmpty();
    }
}

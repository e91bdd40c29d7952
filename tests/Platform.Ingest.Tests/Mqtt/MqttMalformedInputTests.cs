using System.Buffers;
using Platform.Ingest.Mqtt;

namespace Platform.Ingest.Tests.Mqtt;

public sealed class MqttMalformedInputTests
{
    [Theory]
    [InlineData("00 00", "reserved")]
    [InlineData("F0 00", "reserved")]
    [InlineData("C1 00", "reserved flags")]
    [InlineData("80 08 00 01 00 03 61 2F 23 01", "reserved flags")]
    [InlineData("30 FF FF FF FF 01", "four bytes")]
    [InlineData("36 05 00 01 61 00 01", "QoS 3")]
    [InlineData("38 03 00 01 61", "DUP at QoS 0")]
    [InlineData("30 05 00 03 61 2F 23", "wildcard")]
    [InlineData("30 04 00 02 61 2B", "wildcard")]
    [InlineData("30 02 00 00", "must not be empty")]
    [InlineData("30 04 00 02 61 00", "U+0000")]
    [InlineData("30 04 00 02 C0 80", "well-formed UTF-8")]
    [InlineData("30 05 00 03 ED A0 80", "well-formed UTF-8")]
    [InlineData("30 04 00 02 FF FE", "well-formed UTF-8")]
    [InlineData("30 03 00 05 61", "truncated")]
    [InlineData("32 05 00 01 61 00 00", "packet identifier")]
    [InlineData("32 04 00 01 61 00", "packet identifier")]
    [InlineData("40 03 00 01 00", "exactly a packet identifier")]
    [InlineData("40 02 00 00", "exactly a packet identifier")]
    [InlineData("B0 01 01", "exactly a packet identifier")]
    [InlineData("20 02 00 06", "return code from 0 to 5")]
    [InlineData("20 02 02 00", "session present")]
    [InlineData("20 03 00 00 00", "CONNACK is two bytes")]
    [InlineData("20 02 01 05", "must not claim a session")]
    [InlineData("90 03 00 01 03", "not 0, 1, 2 or 0x80")]
    [InlineData("90 02 00 01", "at least one return code")]
    [InlineData("82 02 00 01", "at least one topic filter")]
    [InlineData("82 06 00 01 00 01 61 03", "QoS byte")]
    [InlineData("82 05 00 01 00 01 61", "QoS byte")]
    [InlineData("82 07 00 01 00 02 61 23 01", "'#' must be a whole level")]
    [InlineData("82 0E 00 01 00 09 24 73 68 61 72 65 2F 2F 78 01", "group name")]
    [InlineData("A2 02 00 01", "at least one topic filter")]
    [InlineData("A2 06 00 01 00 02 2B 61", "'+' must be a whole level")]
    [InlineData("D0 01 00", "no body")]
    [InlineData("E0 01 00", "no body")]
    [InlineData("50 02 00 01", "QoS 2")]
    [InlineData("62 02 00 01", "QoS 2")]
    [InlineData("70 02 00 01", "QoS 2")]
    [InlineData("10 0D 00 04 4D 51 54 54 05 02 00 3C 00 01 61", "protocol level 5")]
    [InlineData("10 0D 00 04 4D 51 49 73 04 02 00 3C 00 01 61", "is not MQTT")]
    [InlineData("10 0D 00 04 4D 51 54 54 04 03 00 3C 00 01 61", "reserved CONNECT flag")]
    [InlineData("10 0D 00 04 4D 51 54 54 04 42 00 3C 00 01 61", "password without a user name")]
    [InlineData("10 0D 00 04 4D 51 54 54 04 1A 00 3C 00 01 61", "will QoS is 3")]
    [InlineData("10 0D 00 04 4D 51 54 54 04 22 00 3C 00 01 61", "without a will")]
    [InlineData("10 0E 00 04 4D 51 54 54 04 02 00 3C 00 01 61 00", "after its last field")]
    [InlineData("10 0C 00 04 4D 51 54 54 04 00 00 3C 00 00", "empty client id needs a clean session")]
    public void Malformed_packets_are_rejected_with_a_reason(string hex, string reason)
    {
        var buffer = new ReadOnlySequence<byte>(Bytes.Hex(hex));

        var read = MqttPacketReader.TryRead(ref buffer, 1024);

        read.Status.Should().Be(MqttReadStatus.Malformed);
        read.Error.Should().Contain(reason);
        read.Packet.Should().BeNull();
    }

    [Fact]
    public void An_oversized_packet_is_rejected_from_its_header_before_its_body_arrives()
    {
        // Claims 2 MB; only the header and a few bytes are here. Waiting for the rest would let a peer make us buffer it.
        var header = new byte[] { 0x30, 0x80, 0x80, 0x80, 0x01, 0x00, 0x01, 0x61 };
        var buffer = new ReadOnlySequence<byte>(header);

        var read = MqttPacketReader.TryRead(ref buffer, 1024 * 1024);

        read.Status.Should().Be(MqttReadStatus.Malformed);
        read.Error.Should().Contain("exceeds the maximum of 1048576");
    }

    [Fact]
    public void The_size_limit_counts_the_fixed_header()
    {
        var packet = MqttPacketWriter.ToArray(new PublishPacket("t", new byte[100], MqttQos.AtMostOnce));

        var fits = new ReadOnlySequence<byte>(packet);
        MqttPacketReader.TryRead(ref fits, packet.Length).Status.Should().Be(MqttReadStatus.Packet);
        var tooBig = new ReadOnlySequence<byte>(packet);
        MqttPacketReader.TryRead(ref tooBig, packet.Length - 1).Status.Should().Be(MqttReadStatus.Malformed);
    }

    [Fact]
    public void The_writer_refuses_what_the_reader_would_reject()
    {
        var invalid = new MqttPacket[]
        {
            new PublishPacket("a/#", new byte[1], MqttQos.AtMostOnce),
            new PublishPacket("a", new byte[1], MqttQos.AtLeastOnce, PacketId: 0),
            new PublishPacket("a", new byte[1], MqttQos.AtMostOnce) { Duplicate = true },
            new PublishPacket("a\0b", new byte[1], MqttQos.AtMostOnce),
            new PublishPacket("a\uD800", new byte[1], MqttQos.AtMostOnce),
            new SubscribePacket(1, []),
            new SubscribePacket(1, [new MqttSubscription("a/#/b")]),
            new UnsubscribePacket(0, ["a"]),
            new ConnectPacket("", CleanSession: false, 10),
            new ConnectPacket("c", true, 10) { Password = new byte[] { 1 } },
            new ConnectPacket(new string('x', 70_000), true, 10),
        };

        foreach (var packet in invalid)
        {
            var write = () => MqttPacketWriter.ToArray(packet);
            write.Should().Throw<ArgumentException>(packet.ToString());
        }
    }
}

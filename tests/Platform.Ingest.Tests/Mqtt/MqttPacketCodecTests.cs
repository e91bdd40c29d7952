using System.Buffers;
using System.Text;
using FluentAssertions.Equivalency;
using Platform.Ingest.Mqtt;

namespace Platform.Ingest.Tests.Mqtt;

public sealed class MqttPacketCodecTests
{
    private const int Max = 4 * 1024 * 1024;

    public static TheoryData<string, MqttPacket> EveryPacketType => new()
    {
        { "CONNECT, clean, nothing optional", new ConnectPacket("a", CleanSession: true, KeepAliveSeconds: 60) },
        {
            "CONNECT, persistent, credentials and will", new ConnectPacket("ingest-1", CleanSession: false, KeepAliveSeconds: 30)
            {
                Username = "ingest", Password = Encoding.UTF8.GetBytes("pässwörd"),
                Will = new MqttWill("tenants/t1/workers/ingest-1/status", Encoding.UTF8.GetBytes("offline"), MqttQos.AtLeastOnce, Retain: true),
            }
        },
        { "CONNECT, empty client id", new ConnectPacket("", CleanSession: true, KeepAliveSeconds: 0) { Username = "u" } },
        { "CONNACK, session present", new ConnAckPacket(SessionPresent: true, ConnectReturnCode.Accepted) },
        { "CONNACK, refused", new ConnAckPacket(SessionPresent: false, ConnectReturnCode.BadUsernameOrPassword) },
        { "PUBLISH QoS 0", new PublishPacket("tenants/t1/devices/d1/telemetry", Encoding.UTF8.GetBytes("{\"seq\":1}"), MqttQos.AtMostOnce) },
        { "PUBLISH QoS 1, DUP, retain", new PublishPacket("a/b", new byte[] { 0, 1, 255 }, MqttQos.AtLeastOnce, 65535) { Duplicate = true, Retain = true } },
        { "PUBLISH QoS 1, empty payload, unicode topic", new PublishPacket("kühlung/°C/😀", ReadOnlyMemory<byte>.Empty, MqttQos.AtLeastOnce, 1) },
        { "PUBLISH QoS 2 (decoded, never sent by the client)", new PublishPacket("a", new byte[] { 42 }, MqttQos.ExactlyOnce, 7) },
        { "PUBACK", new PubAckPacket(513) },
        {
            "SUBSCRIBE, plain, wildcards and shared", new SubscribePacket(9,
            [
                new MqttSubscription("a/b"), new MqttSubscription("+/devices/#", MqttQos.AtMostOnce),
                new MqttSubscription("$share/ingest/tenants/+/devices/+/telemetry"), new MqttSubscription("#", MqttQos.ExactlyOnce),
            ])
        },
        { "SUBACK, granted and refused", new SubAckPacket(9, [SubscribeReturnCode.GrantedQos1, SubscribeReturnCode.GrantedQos0, SubscribeReturnCode.Failure, SubscribeReturnCode.GrantedQos2]) },
        { "UNSUBSCRIBE", new UnsubscribePacket(10, ["a/b", "$share/ingest/x/#"]) },
        { "UNSUBACK", new UnsubAckPacket(10) },
        { "PINGREQ", PingReqPacket.Instance },
        { "PINGRESP", PingRespPacket.Instance },
        { "DISCONNECT", DisconnectPacket.Instance },
    };

    [Theory]
    [MemberData(nameof(EveryPacketType))]
    public void Every_packet_type_round_trips(string name, MqttPacket packet)
    {
        var encoded = MqttPacketWriter.ToArray(packet);
        var buffer = new ReadOnlySequence<byte>(encoded);

        var read = MqttPacketReader.TryRead(ref buffer, Max);

        read.Status.Should().Be(MqttReadStatus.Packet, name + ": " + read.Error);
        read.Packet.Should().BeEquivalentTo(packet, ComparingPayloadsByContent, name);
        buffer.IsEmpty.Should().BeTrue("the whole packet is consumed");
        MqttPacketWriter.SizeOf(packet).Should().Be(encoded.Length);
    }

    [Theory]
    [MemberData(nameof(EveryPacketType))]
    public void A_packet_split_into_single_bytes_is_incomplete_until_its_last_byte(string name, MqttPacket packet)
    {
        var encoded = MqttPacketWriter.ToArray(packet);
        for (var length = 0; length < encoded.Length; length++)
        {
            var prefix = Bytes.OneSegmentPerByte(encoded.AsSpan(0, length));
            MqttPacketReader.TryRead(ref prefix, Max).Status.Should().Be(MqttReadStatus.Incomplete, $"{name}: {length} of {encoded.Length} bytes");
            prefix.Length.Should().Be(length, "nothing is consumed from an incomplete packet");
        }

        var whole = Bytes.OneSegmentPerByte(encoded);
        MqttPacketReader.TryRead(ref whole, Max).Packet.Should().BeEquivalentTo(packet, ComparingPayloadsByContent, name);
    }

    [Fact]
    public void Packets_back_to_back_are_read_one_at_a_time()
    {
        var stream = new[] { new PubAckPacket(1), (MqttPacket)PingRespPacket.Instance, new PublishPacket("t", new byte[] { 1 }, MqttQos.AtLeastOnce, 2) }
            .SelectMany(MqttPacketWriter.ToArray).ToArray();
        var buffer = new ReadOnlySequence<byte>(stream);

        var packets = Enumerable.Range(0, 3).Select(_ => MqttPacketReader.TryRead(ref buffer, Max).Packet).ToList();

        packets.Select(x => x!.GetType()).Should().Equal(typeof(PubAckPacket), typeof(PingRespPacket), typeof(PublishPacket));
        MqttPacketReader.TryRead(ref buffer, Max).Status.Should().Be(MqttReadStatus.Incomplete);
    }

    [Theory]
    [InlineData("C0 00", "PINGREQ")]
    [InlineData("D0 00", "PINGRESP")]
    [InlineData("E0 00", "DISCONNECT")]
    [InlineData("10 0D 00 04 4D 51 54 54 04 02 00 3C 00 01 61", "CONNECT a, clean, keep-alive 60")]
    [InlineData("20 02 01 00", "CONNACK session present")]
    [InlineData("32 09 00 03 61 2F 62 00 0A 68 69", "PUBLISH QoS 1 a/b id 10 'hi'")]
    [InlineData("40 02 00 07", "PUBACK 7")]
    [InlineData("82 08 00 01 00 03 61 2F 23 01", "SUBSCRIBE 1 a/# QoS 1")]
    [InlineData("90 04 00 01 01 80", "SUBACK 1 [1, failure]")]
    [InlineData("A2 05 00 02 00 01 61", "UNSUBSCRIBE 2 a")]
    [InlineData("B0 02 00 02", "UNSUBACK 2")]
    public void Encodings_match_the_specification_byte_for_byte(string hex, string what)
    {
        var wire = Bytes.Hex(hex);
        var buffer = new ReadOnlySequence<byte>(wire);

        var read = MqttPacketReader.TryRead(ref buffer, Max);

        read.Status.Should().Be(MqttReadStatus.Packet, what + ": " + read.Error);
        MqttPacketWriter.ToArray(read.Packet!).Should().Equal(wire, what);
    }

    [Theory]
    [InlineData(0, "00")]
    [InlineData(127, "7F")]
    [InlineData(128, "80 01")]
    [InlineData(16_383, "FF 7F")]
    [InlineData(16_384, "80 80 01")]
    [InlineData(2_097_151, "FF FF 7F")]
    [InlineData(2_097_152, "80 80 80 01")]
    [InlineData(268_435_455, "FF FF FF 7F")]
    public void Remaining_length_uses_the_specification_encoding(int value, string hex)
    {
        var destination = new byte[4];
        var written = RemainingLength.Write(destination, value);

        destination[..written].Should().Equal(Bytes.Hex(hex));
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Bytes.Hex(hex)));
        RemainingLength.TryRead(ref reader, out var read).Should().Be(OperationStatus.Done);
        read.Should().Be(value);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(20_000)]
    [InlineData(2_100_000)]
    public void Large_payloads_round_trip(int size)
    {
        var payload = Enumerable.Range(0, size).Select(i => (byte)i).ToArray();
        var buffer = new ReadOnlySequence<byte>(MqttPacketWriter.ToArray(new PublishPacket("big", payload, MqttQos.AtLeastOnce, 3)));

        var read = MqttPacketReader.TryRead(ref buffer, Max);

        ((PublishPacket)read.Packet!).Payload.ToArray().Should().Equal(payload);
    }

    private static EquivalencyAssertionOptions<MqttPacket> ComparingPayloadsByContent(EquivalencyAssertionOptions<MqttPacket> options) =>
        options.RespectingRuntimeTypes()
            .Using<ReadOnlyMemory<byte>>(x => x.Subject.ToArray().Should().Equal(x.Expectation.ToArray())).WhenTypeIs<ReadOnlyMemory<byte>>()
            .Using<ReadOnlyMemory<byte>?>(x => x.Subject?.ToArray().Should().Equal(x.Expectation?.ToArray())).WhenTypeIs<ReadOnlyMemory<byte>?>();
}

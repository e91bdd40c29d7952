using System.Text;
using Platform.Ingest.Telemetry;

namespace Platform.Ingest.Tests.Ingest;

public sealed class TelemetryParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_firmwares_payload_is_read_exactly()
    {
        var parsed = Parse("""{"boot":4294967295,"seq":42,"ts":1767225600123,"first":40,"readings":[{"sensor":"temperature","value":3.1250,"unit":"C"},{"sensor":"card","value":72057594037927935,"unit":"uid"}]}""");

        var reading = parsed.Should().BeOfType<TelemetryPayload.Reading>().Subject;
        (reading.Boot, reading.Seq, reading.First).Should().Be((4_294_967_295L, 42L, 40L));
        reading.MeasuredAt.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1_767_225_600_123));
        reading.Values["temperature"].ToString(System.Globalization.CultureInfo.InvariantCulture).Should().Be("3.1250");
        reading.Values["card"].Should().Be(72_057_594_037_927_935m, "a 7-byte card UID passes 2^53 and stays exact");
        reading.Units["temperature"].Should().Be("C");
    }

    [Fact]
    public void A_device_that_does_not_know_the_time_is_dated_on_arrival() =>
        Parse("""{"boot":1,"seq":1,"ts":0,"readings":[{"sensor":"t","value":1}]}""").Should().BeOfType<TelemetryPayload.Reading>()
            .Which.MeasuredAt.Should().Be(Now);

    [Theory]
    [InlineData("{", RejectReasons.Malformed)]
    [InlineData("[1]", RejectReasons.Malformed)]
    [InlineData("""{"boot":-1,"seq":1}""", RejectReasons.Sequence)]
    [InlineData("""{"boot":4294967296,"seq":1}""", RejectReasons.Sequence)]
    [InlineData("""{"boot":1,"seq":1.5}""", RejectReasons.Sequence)]
    [InlineData("""{"boot":1,"seq":"1"}""", RejectReasons.Sequence)]
    public void Without_a_readable_boot_and_seq_a_message_is_malformed(string payload, string reason) =>
        Parse(payload).Should().BeOfType<TelemetryPayload.Malformed>().Which.Reason.Should().Be(reason);

    [Theory]
    [InlineData("""{"boot":1,"seq":2,"ts":0}""", "readings")]
    [InlineData("""{"boot":1,"seq":2,"ts":0,"readings":[{"sensor":"t","value":1},{"sensor":"t","value":2}]}""", "readings[1].sensor")]
    [InlineData("""{"boot":1,"seq":2,"ts":0,"readings":[{"sensor":"t","value":1e400}]}""", "readings[0].value")]
    [InlineData("""{"boot":1,"seq":2,"ts":0,"readings":[{"sensor":"t","value":1,"unit":"a\u0000b"}]}""", "readings[0].unit")]
    [InlineData("""{"boot":1,"seq":2,"ts":-5,"readings":[{"sensor":"t","value":1}]}""", "ts")]
    [InlineData("""{"boot":1,"seq":2,"ts":946684799999,"readings":[{"sensor":"t","value":1}]}""", "ts")]
    [InlineData("""{"boot":1,"seq":2,"first":3,"ts":0,"readings":[{"sensor":"t","value":1}]}""", "first")]
    public void A_well_formed_message_with_bad_content_is_refused_with_its_boot_and_seq(string payload, string field)
    {
        var refused = Parse(payload).Should().BeOfType<TelemetryPayload.Refused>().Subject;
        (refused.Boot, refused.Seq, refused.Field).Should().Be((1L, 2L, field));
    }

    [Fact]
    public void An_oversized_message_is_refused_before_it_is_parsed() =>
        TelemetryParser.Parse(new byte[17_000], 16_384, Now).Should().BeOfType<TelemetryPayload.Malformed>()
            .Which.Reason.Should().Be(RejectReasons.TooLarge);

    private static TelemetryPayload Parse(string payload) => TelemetryParser.Parse(Encoding.UTF8.GetBytes(payload), 16_384, Now);
}

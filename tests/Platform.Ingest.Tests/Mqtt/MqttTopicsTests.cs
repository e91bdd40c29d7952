using Platform.Ingest.Mqtt;

namespace Platform.Ingest.Tests.Mqtt;

public sealed class MqttTopicsTests
{
    [Theory]
    [InlineData("#")]
    [InlineData("+")]
    [InlineData("a/b/c")]
    [InlineData("a/+/c")]
    [InlineData("+/+/+")]
    [InlineData("a/#")]
    [InlineData("/")]
    [InlineData("a//b")]
    [InlineData("$SYS/#")]
    [InlineData("tenants/+/devices/+/telemetry")]
    [InlineData("$share/ingest/tenants/+/devices/+/telemetry")]
    [InlineData("$share/g/#")]
    [InlineData("$share/g/a")]
    public void Valid_topic_filters_pass(string filter) => MqttTopics.TopicFilterProblem(filter).Should().BeNull();

    [Theory]
    [InlineData("", "empty")]
    [InlineData("a/#/b", "'#'")]
    [InlineData("a#", "'#'")]
    [InlineData("#/", "'#'")]
    [InlineData("a+", "'+'")]
    [InlineData("a/+b/c", "'+'")]
    [InlineData("$share/g", "no topic filter")]
    [InlineData("$share/g/", "no topic filter")]
    [InlineData("$share//x", "group name")]
    [InlineData("$share/g+/x", "group name")]
    [InlineData("$share/#/x", "group name")]
    [InlineData("$share/g/a#", "'#'")]
    [InlineData("a\0b", "U+0000")]
    public void Invalid_topic_filters_say_why(string filter, string reason) =>
        MqttTopics.TopicFilterProblem(filter).Should().Contain(reason);

    [Theory]
    [InlineData("a/b", null)]
    [InlineData("tenants/t1/devices/d1/telemetry", null)]
    [InlineData("", "empty")]
    [InlineData("a/+", "wildcard")]
    [InlineData("a/#", "wildcard")]
    public void Topic_names_have_no_wildcards(string topic, string? reason)
    {
        var problem = MqttTopics.TopicNameProblem(topic);
        if (reason is null)
        {
            problem.Should().BeNull();
        }
        else
        {
            problem.Should().Contain(reason);
        }
    }

    [Fact]
    public void Strings_are_limited_to_65535_utf8_bytes_not_characters()
    {
        MqttStrings.Problem(new string('a', 65_535)).Should().BeNull();
        MqttStrings.Problem(new string('ä', 32_768)).Should().Contain("longer than 65535 bytes");
    }
}

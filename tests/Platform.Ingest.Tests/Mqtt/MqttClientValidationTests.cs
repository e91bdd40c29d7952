using Platform.Ingest.Mqtt;

namespace Platform.Ingest.Tests.Mqtt;

/// <summary>Mistakes a caller can make are refused at once, before anything waits for a broker.</summary>
public sealed class MqttClientValidationTests
{
    private static readonly MqttClientOptions Options = new("127.0.0.1", 1883, "validation");

    [Fact]
    public async Task Qos2_wildcard_topics_and_bad_filters_are_refused_before_sending()
    {
        await using var client = new MqttClient(Options);

        await FluentActions.Awaiting(() => client.PublishAsync("a", Received.Utf8("x"), MqttQos.ExactlyOnce)).Should().ThrowAsync<NotSupportedException>();
        await FluentActions.Awaiting(() => client.PublishAsync("a/#", Received.Utf8("x"))).Should().ThrowAsync<ArgumentException>().WithMessage("*wildcard*");
        await FluentActions.Awaiting(() => client.PublishAsync("a", new byte[2 * 1024 * 1024])).Should().ThrowAsync<ArgumentOutOfRangeException>();
        await FluentActions.Awaiting(() => client.SubscribeAsync("a/#/b")).Should().ThrowAsync<ArgumentException>().WithMessage("*'#'*");
        await FluentActions.Awaiting(() => client.SubscribeAsync("$share//a")).Should().ThrowAsync<ArgumentException>().WithMessage("*group name*");
        await FluentActions.Awaiting(() => client.SubscribeAsync("a", MqttQos.ExactlyOnce)).Should().ThrowAsync<NotSupportedException>();
    }

    [Fact]
    public void Options_that_mqtt_cannot_express_are_refused()
    {
        FluentActions.Invoking(() => new MqttClient(Options with { KeepAlive = TimeSpan.FromMilliseconds(1500) })).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new MqttClient(Options with { ClientId = "", CleanSession = false })).Should().Throw<ArgumentException>().WithMessage("*clean session*");
        FluentActions.Invoking(() => new MqttClient(Options with { Password = "secret" })).Should().Throw<ArgumentException>().WithMessage("*user name*");
        FluentActions.Invoking(() => new MqttClient(Options with { Will = new MqttWill("a/+", Received.Utf8("x")) })).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void The_password_stays_out_of_the_options_text()
    {
        (Options with { Username = "ingest", Password = "pa55word" }).ToString().Should().Contain("ingest").And.NotContain("pa55word");
    }

    [Fact]
    public async Task A_client_that_never_connected_stops_cleanly_and_fails_waiters()
    {
        var client = new MqttClient(Options);
        var waiting = client.WaitUntilConnectedAsync();

        await client.DisposeAsync();

        await FluentActions.Awaiting(() => waiting).Should().ThrowAsync<MqttConnectionLostException>();
        client.Messages.Completion.IsCompleted.Should().BeTrue();
        await FluentActions.Awaiting(() => client.ConnectAsync()).Should().ThrowAsync<ObjectDisposedException>();
    }
}

using Platform.Ingest.Mqtt;
using Platform.Ingest.Tests.Support;

namespace Platform.Ingest.Tests.Mqtt;

/// <summary>A first connection that cannot be made says why, with the broker's CONNACK code when there is one.</summary>
public sealed class MqttConnectTests(MosquittoFixture fixture) : MosquittoClientTests(fixture)
{
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
}

using System.Text;
using Platform.Ingest.Mqtt;
using Platform.Testing;

namespace Platform.Ingest.Tests.Ingest;

/// <summary>What a device reads on .../ack over MQTT: the highest contiguous seq stored for its boot.</summary>
public sealed class AckSemanticsTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private const string Reading = "\"readings\":[{\"sensor\":\"temperature\",\"value\":3.1250,\"unit\":\"C\"}]";

    [Fact]
    public async Task Acks_stop_at_a_gap_move_past_first_and_refusals_and_come_again_for_resends()
    {
        await using var world = await IngestWorld.StartAsync(database, devices: 1);
        world.StartIngest();
        await world.WaitForIngestAsync();
        var device = world.Devices[0];
        await using var client = new MqttClient(world.Broker.ClientOptions("ack-device") with { Username = device.Username, Password = device.Password });
        await client.ConnectAsync();
        await client.SubscribeAsync(device.Topics.Ack);

        (await SendAsync(client, device, $$"""{"boot":7,"seq":1,"ts":0,{{Reading}}}""")).Should().Be("""{"boot":7,"seq":1}""");
        (await SendAsync(client, device, $$"""{"boot":7,"seq":3,"ts":0,{{Reading}}}""")).Should().Be("""{"boot":7,"seq":1}""", "2 is missing");
        (await SendAsync(client, device, $$"""{"boot":7,"seq":2,"ts":0,{{Reading}}}""")).Should().Be("""{"boot":7,"seq":3}""");
        (await SendAsync(client, device, $$"""{"boot":7,"seq":2,"ts":0,{{Reading}}}""")).Should().Be("""{"boot":7,"seq":3}""", "a resend is acked again");
        (await SendAsync(client, device, $$"""{"boot":7,"seq":4,"ts":0,"readings":[{"sensor":"temperature","value":"hot"}]}"""))
            .Should().Be("""{"boot":7,"seq":4}""", "a well-formed message that is refused is done too, or acks would stop there");
        (await SendAsync(client, device, $$"""{"boot":8,"seq":40,"first":40,"ts":0,{{Reading}}}""")).Should().Be("""{"boot":8,"seq":40}""",
            "the device dropped everything below first");

        await client.PublishAsync(device.Topics.Telemetry, Encoding.UTF8.GetBytes("{\"seq\":5"), MqttQos.AtLeastOnce);
        (await SendAsync(client, device, $$"""{"boot":7,"seq":5,"ts":0,{{Reading}}}""")).Should().Be("""{"boot":7,"seq":5}""",
            "a malformed message gets no ack, and holds up nothing");

        (await world.ScalarAsync("select count(*) from events where tenant_id = $1 and type = 'devices.reading-recorded.v1'", world.TenantId)).Should().Be(5);
        (await world.ScalarAsync("select count(*) from events where tenant_id = $1 and type = 'devices.reading-rejected.v1' and data->>'reason' like 'readings%'",
            world.TenantId)).Should().Be(1);
    }

    private static async Task<string> SendAsync(MqttClient client, SimDevice device, string payload)
    {
        await client.PublishAsync(device.Topics.Telemetry, Encoding.UTF8.GetBytes(payload), MqttQos.AtLeastOnce);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var ack = await client.Messages.ReadAsync(timeout.Token);
        return Encoding.UTF8.GetString(ack.Payload.Span);
    }
}

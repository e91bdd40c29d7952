using System.Text;
using Platform.Ingest.Mqtt;

namespace Platform.Api.Tests.Devices;

/// <summary>A device's side of MQTT in the broker tests: our client with the device's credentials, as the firmware connects.</summary>
internal static class DeviceMqtt
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public static MqttClientOptions Options(int port, TestDevice device, string? password = null) => new("127.0.0.1", port, $"dev-{device.DeviceId:N}")
    {
        Username = device.Username,
        Password = password ?? device.Password,
        ReconnectDelay = TimeSpan.FromMilliseconds(50),
        MaximumReconnectDelay = TimeSpan.FromMilliseconds(300),
        Will = new MqttWill(device.Telemetry.Replace("/telemetry", "/status", StringComparison.Ordinal), Encoding.UTF8.GetBytes("{\"online\":false}"), Retain: true),
    };

    /// <summary>Connects as soon as the broker knows the device: its accounts are rewritten a moment after registration.</summary>
    public static async Task<MqttClient> ConnectAsync(int port, TestDevice device)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var client = new MqttClient(Options(port, device));
            try
            {
                await client.ConnectAsync(timeout.Token);
                await client.SubscribeAsync(device.Ack, MqttQos.AtLeastOnce, timeout.Token);
                return client;
            }
            catch (MqttConnectException) when (!timeout.IsCancellationRequested)
            {
                await client.DisposeAsync();
                await Task.Delay(50, timeout.Token);
            }
        }
    }

    /// <summary>The connection's outcome: refused (with the broker's code) or accepted.</summary>
    public static async Task<ConnectReturnCode?> TryConnectAsync(int port, TestDevice device, string? password = null)
    {
        await using var client = new MqttClient(Options(port, device, password));
        try
        {
            await client.ConnectAsync();
            return null;
        }
        catch (MqttConnectException refused)
        {
            return refused.ReturnCode;
        }
    }

    public static Task PublishAsync(this MqttClient client, string topic, string payload) =>
        client.PublishAsync(topic, Encoding.UTF8.GetBytes(payload), MqttQos.AtLeastOnce);

    /// <summary>Reads acks until one says (boot, seq) or later.</summary>
    public static async Task<string> AckAsync(this MqttClient client, long boot, long seq)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var expected = $"{{\"boot\":{boot},\"seq\":{seq}}}";
        while (true)
        {
            var message = await client.Messages.ReadAsync(timeout.Token);
            await message.AckAsync();
            var text = Encoding.UTF8.GetString(message.Payload.Span);
            if (text == expected) return text;
        }
    }

    public static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!await condition())
        {
            if (timeout.IsCancellationRequested) throw new TimeoutException($"Waited {Patience} for {what}.");
            await Task.Delay(50, CancellationToken.None);
        }
    }
}

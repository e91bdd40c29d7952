using System.Diagnostics;
using System.Text.Json;
using Platform.Ingest.Mqtt;

namespace Platform.Benchmarks.Ingest;

/// <summary>
/// A simulated device on our MQTT client: QoS 1 readings numbered per boot, at most
/// <see cref="Outbox"/> waiting for the platform's ack (the firmware's outbox), each timed from its
/// publish to the ack that covers it, which the ingest sends only after the reading committed.
/// </summary>
internal sealed class BenchDevice : IAsyncDisposable
{
    public const int Outbox = 64;
    private readonly MqttClient client;
    private readonly Task acks;
    private DeviceRound? round;

    private BenchDevice(BenchAccount account, MqttClient client)
    {
        Account = account;
        this.client = client;
        acks = Task.Run(ReadAcksAsync);
    }

    public BenchAccount Account { get; }

    /// <summary>Connects once the broker knows the account (the registry's files are written and reloaded asynchronously).</summary>
    public static async Task<BenchDevice> ConnectAsync(BenchAccount account, int port, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var client = new MqttClient(new MqttClientOptions(IngestHost.BrokerHost, port, $"bench-{account.DeviceId:N}")
            {
                Username = account.Username, Password = account.Password, ReconnectDelay = TimeSpan.FromMilliseconds(100),
                MaximumReconnectDelay = TimeSpan.FromSeconds(1), ReceiveQueueCapacity = 1024,
            });
            try
            {
                await client.ConnectAsync(ct);
                await client.SubscribeAsync(account.Ack, MqttQos.AtLeastOnce, ct);
                return new BenchDevice(account, client);
            }
            catch (Exception error) when (error is MqttConnectException or MqttConnectionLostException or MqttSubscribeException
                                           && waited.Elapsed < TimeSpan.FromSeconds(30))
            {
                await client.DisposeAsync();
                await Task.Delay(200, ct);
            }
        }
    }

    /// <summary>Publishes readings 1..<paramref name="readings"/> of a new boot; completes when the platform acked them all.</summary>
    public async Task<DeviceRound> RunAsync(long boot, int readings, CancellationToken ct)
    {
        var current = new DeviceRound(boot, readings, Outbox);
        Volatile.Write(ref round, current);
        var publishes = new List<Task>(readings);
        for (long seq = 1; seq <= readings; seq++)
        {
            await current.Window.WaitAsync(ct);
            var payload = ReadingPayload.Of(boot, seq, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            current.Sent(seq);
            publishes.Add(client.PublishAsync(Account.Telemetry, payload, MqttQos.AtLeastOnce, ct: ct));
        }
        await Task.WhenAll(publishes);
        await current.Done.Task.WaitAsync(ct);
        return current;
    }

    private async Task ReadAcksAsync()
    {
        try
        {
            await foreach (var message in client.Messages.ReadAllAsync())
            {
                var now = Stopwatch.GetTimestamp();
                using var ack = JsonDocument.Parse(message.Payload);
                var boot = ack.RootElement.GetProperty("boot").GetInt64();
                var seq = ack.RootElement.GetProperty("seq").GetInt64();
                if (Volatile.Read(ref round) is { } current && current.Boot == boot) current.Acked(seq, now);
            }
        }
        catch (MqttConnectionLostException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await client.DisconnectAsync(CancellationToken.None);
        await client.DisposeAsync();
        await acks;
    }
}

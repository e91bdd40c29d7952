using System.Text.Json;
using Platform.Ingest.Mqtt;
using Platform.Write.Devices;

namespace Platform.Api.Demo;

/// <summary>
/// One demo device on MQTT, behaving as the firmware does (firmware/README.md): a new boot number per
/// start, seq from 1, QoS 1 telemetry kept in an outbox and sent again until the platform's ack on
/// <c>.../ack</c> covers it, oldest dropped (and <c>first</c> raised) when the outbox is full.
/// </summary>
internal sealed partial class SimulatedDevice(DemoDevice device, DeviceCredentials credentials, string host, int port, TimeSpan interval,
    TimeProvider time, ILogger logger)
{
    public const int OutboxCapacity = 64;
    private static readonly TimeSpan ResendAfter = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PublishPatience = TimeSpan.FromSeconds(10);
    private readonly SortedDictionary<long, Pending> outbox = [];
    private readonly Lock gate = new();
    private readonly long boot = time.GetUtcNow().ToUnixTimeSeconds() & uint.MaxValue;
    private long seq;
    private long? first;

    private sealed class Pending(byte[] payload)
    {
        public byte[] Payload { get; } = payload;

        public long? SentAt { get; set; }
    }

    public async Task RunAsync(CancellationToken ct)
    {
        await using var client = await ConnectAsync(ct);
        var acks = ReadAcksAsync(client, ct);
        var model = new DemoSensorModel(device.Profile, BitConverter.ToInt32(device.DeviceId.ToByteArray(), 12));
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            Enqueue(model.Next());
            await SendDueAsync(client, ct);
        }
        while (await timer.WaitForNextTickAsync(ct));
        await acks;
    }

    /// <summary>The broker learns of a new password when its account files are rewritten: keep trying until it accepts.</summary>
    private async Task<MqttClient> ConnectAsync(CancellationToken ct)
    {
        while (true)
        {
            var client = new MqttClient(new MqttClientOptions(host, port, $"demo-{device.DeviceId:N}")
            {
                Username = credentials.Username,
                Password = credentials.Password,
                Will = new MqttWill(credentials.Topics.Status, "{\"online\":false}"u8.ToArray(), Retain: true),
            });
            try
            {
                await client.ConnectAsync(ct);
                await client.SubscribeAsync(credentials.Topics.Ack, MqttQos.AtLeastOnce, ct);
                await client.PublishAsync(credentials.Topics.Status, "{\"online\":true}"u8.ToArray(), MqttQos.AtLeastOnce, retain: true, ct);
                return client;
            }
            catch (Exception error) when (error is MqttConnectException or MqttConnectionLostException or IOException
                                              or System.Net.Sockets.SocketException or TimeoutException)
            {
                await client.DisposeAsync();
                await Task.Delay(TimeSpan.FromSeconds(1), time, ct);
            }
        }
    }

    private void Enqueue(IReadOnlyList<(string Sensor, decimal Value, string Unit)> readings)
    {
        lock (gate)
        {
            seq++;
            if (outbox.Count >= OutboxCapacity)
            {
                outbox.Remove(outbox.Keys.First());
                first = outbox.Keys.First();
            }
            outbox[seq] = new Pending(Payload(seq, readings));
        }
    }

    private byte[] Payload(long number, IReadOnlyList<(string Sensor, decimal Value, string Unit)> readings) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["boot"] = boot, ["seq"] = number, ["ts"] = time.GetUtcNow().ToUnixTimeMilliseconds(), ["first"] = first,
            ["readings"] = readings.Select(r => new Dictionary<string, object> { ["sensor"] = r.Sensor, ["value"] = r.Value, ["unit"] = r.Unit }),
        }.Where(p => p.Value is not null).ToDictionary());

    /// <summary>Oldest first: what was never sent, and what was sent long enough ago without an ack.</summary>
    private async Task SendDueAsync(MqttClient client, CancellationToken ct)
    {
        List<Pending> due;
        var now = time.GetTimestamp();
        lock (gate)
            due = [.. outbox.Values.Where(p => p.SentAt is not { } sent || time.GetElapsedTime(sent, now) >= ResendAfter)];
        foreach (var pending in due)
        {
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(ct);
            patience.CancelAfter(PublishPatience);
            try
            {
                await client.PublishAsync(credentials.Topics.Telemetry, pending.Payload, MqttQos.AtLeastOnce, ct: patience.Token);
                pending.SentAt = now;
            }
            catch (Exception error) when (!ct.IsCancellationRequested && error is OperationCanceledException or MqttConnectionLostException)
            {
                PublishFailed(logger, device.Name);
                return; // kept in the outbox: the next tick tries again
            }
        }
    }

    private async Task ReadAcksAsync(MqttClient client, CancellationToken ct)
    {
        try
        {
            await foreach (var message in client.Messages.ReadAllAsync(ct))
            {
                await message.AckAsync(ct);
                if (DemoAcks.Seq(message.Payload.Span, boot) is not { } acked) continue;
                lock (gate)
                    foreach (var key in outbox.Keys.TakeWhile(k => k <= acked).ToList()) outbox.Remove(key);
            }
        }
        catch (Exception error) when (error is OperationCanceledException or MqttConnectionLostException)
        {
            // Stopping: the host is going down.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Demo device {Device} could not publish; its readings wait in its outbox")]
    private static partial void PublishFailed(ILogger logger, string device);
}

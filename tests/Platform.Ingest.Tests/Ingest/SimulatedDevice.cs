using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Platform.Ingest.Mqtt;
using Platform.Ingest.Tests.Support;

namespace Platform.Ingest.Tests.Ingest;

/// <summary>
/// A device as the firmware behaves: QoS 1 readings numbered per boot, at most 64 unacknowledged
/// (its outbox), all of them sent again every <c>resend</c> until the platform's ack covers them.
/// A broker PUBACK removes nothing.
/// </summary>
internal sealed class SimulatedDevice(SimDevice device, MosquittoBroker broker, int readings, TimeSpan resend, long boot = 1)
{
    public const int Outbox = 64;
    private readonly SortedSet<long> unacked = [];
    private long acked;

    public long Acked => Interlocked.Read(ref acked);

    public long Published { get; private set; }

    public async Task RunAsync(CancellationToken ct)
    {
        await using var client = await ConnectAsync(ct);
        var acks = ReadAcksAsync(client, ct);
        long next = 1;
        var sinceResend = Stopwatch.StartNew();
        while (Acked < readings)
        {
            ct.ThrowIfCancellationRequested();
            var due = new List<long>();
            lock (unacked)
            {
                if (sinceResend.Elapsed >= resend)
                {
                    due.AddRange(unacked);
                    sinceResend.Restart();
                }
                while (unacked.Count < Outbox && next <= readings)
                {
                    unacked.Add(next);
                    due.Add(next++);
                }
            }
            foreach (var seq in due) await PublishAsync(client, seq, ct);
            if (due.Count == 0) await Task.Delay(10, ct);
        }
        await client.DisconnectAsync(CancellationToken.None);
        await acks;
    }

    private async Task PublishAsync(MqttClient client, long seq, CancellationToken ct)
    {
        var payload = $$"""{"boot":{{boot}},"seq":{{seq}},"ts":{{1_767_225_600_000 + seq * 1000}},"readings":[{"sensor":"temperature","value":{{2 + seq % 40 * 0.0625m}},"unit":"C"}]}""";
        try
        {
            await client.PublishAsync(device.Topics.Telemetry, Encoding.UTF8.GetBytes(payload), MqttQos.AtLeastOnce, ct: ct);
            Published++;
        }
        catch (MqttConnectionLostException)
        {
            // Still in the outbox: sent again at the next resend.
        }
    }

    private async Task ReadAcksAsync(MqttClient client, CancellationToken ct)
    {
        try
        {
            await foreach (var message in client.Messages.ReadAllAsync(ct))
            {
                using var ack = JsonDocument.Parse(message.Payload);
                if (ack.RootElement.GetProperty("boot").GetInt64() != boot) continue;
                var seq = ack.RootElement.GetProperty("seq").GetInt64();
                lock (unacked)
                {
                    unacked.RemoveWhere(s => s <= seq);
                    if (seq > acked) Interlocked.Exchange(ref acked, seq);
                }
            }
        }
        catch (Exception error) when (error is OperationCanceledException or MqttConnectionLostException)
        {
        }
    }

    private async Task<MqttClient> ConnectAsync(CancellationToken ct)
    {
        while (true)
        {
            var client = new MqttClient(broker.ClientOptions($"sim-{device.DeviceId:N}") with { Username = device.Username, Password = device.Password });
            try
            {
                await client.ConnectAsync(ct);
                await client.SubscribeAsync(device.Topics.Ack, MqttQos.AtLeastOnce, ct);
                return client;
            }
            catch (Exception error) when (error is MqttConnectException or MqttConnectionLostException)
            {
                await client.DisposeAsync();
                await Task.Delay(100, ct);
            }
        }
    }
}

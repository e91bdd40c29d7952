using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Platform.Benchmarks.Ingest;

/// <summary>
/// What the broker itself delivers: mosquitto_pub reading one payload a line from stdin (QoS 1, as
/// many in flight as the broker allows a client) into one mosquitto_sub (QoS 1) that exits after
/// the last one. Same broker, same accounts and ACL, same payloads as our devices'; the topic is a
/// device's ack topic (the ingest account writes it, the device reads it), which the ingest does not consume.
/// </summary>
internal sealed class BrokerCeiling(IngestHost host, BenchAccount reader)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    // mosquitto 2.0.11 disconnects a client that publishes some 35,000 messages in one go ("out of
    // memory" in its log, nothing else said) and the rest are lost; a fresh publisher per chunk avoids it.
    private const int Chunk = 20_000;

    /// <summary>Messages per second from the publisher's start to the subscriber's last message.</summary>
    public async Task<double> MeasureAsync(int messages, long boot, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var chunks = new List<byte[]>();
        for (long first = 1; first <= messages; first += Chunk)
        {
            var lines = new StringBuilder();
            for (var seq = first; seq < first + Chunk && seq <= messages; seq++) lines.Append(ReadingPayload.Text(boot, seq, now)).Append('\n');
            chunks.Add(Encoding.UTF8.GetBytes(lines.ToString()));
        }

        var id = string.Create(CultureInfo.InvariantCulture, $"ceiling-{boot}-{Environment.ProcessId}");
        using var subscriber = Start("mosquitto_sub", reader.Username, reader.Password, id, "-C", messages.ToString(CultureInfo.InvariantCulture));
        var drained = subscriber.StandardOutput.BaseStream.CopyToAsync(Stream.Null, ct);
        await SubscribedAsync(id, subscriber, ct);

        var clock = Stopwatch.StartNew();
        foreach (var chunk in chunks) await PublishAsync(id, chunk, ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Patience);
        try
        {
            await subscriber.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new InvalidOperationException($"mosquitto_sub did not receive {messages:N0} messages within {Patience.TotalMinutes} minutes.");
        }
        finally
        {
            if (!subscriber.HasExited) subscriber.Kill();
        }
        var seconds = clock.Elapsed.TotalSeconds;
        await drained;
        if (subscriber.ExitCode != 0) throw new InvalidOperationException($"mosquitto_sub exited with {subscriber.ExitCode}: {await subscriber.StandardError.ReadToEndAsync(ct)}");
        return messages / seconds;
    }

    /// <summary>One publisher per chunk, one after the other (each exits once its last PUBACK arrived).</summary>
    private async Task PublishAsync(string id, byte[] lines, CancellationToken ct)
    {
        using var publisher = Start("mosquitto_pub", IngestHost.IngestUsername, host.IngestPassword, $"{id}-pub", "-l", "-M", "1000");
        var errors = publisher.StandardError.ReadToEndAsync(ct);
        await publisher.StandardInput.BaseStream.WriteAsync(lines, ct);
        publisher.StandardInput.Close();
        await publisher.WaitForExitAsync(ct);
        if (publisher.ExitCode != 0) throw new InvalidOperationException($"mosquitto_pub exited with {publisher.ExitCode}: {await errors}");
    }

    private Process Start(string program, string username, string password, string clientId, params string[] extra)
    {
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        string[] common = ["-h", IngestHost.BrokerHost, "-p", host.BrokerPort.ToString(CultureInfo.InvariantCulture), "-u", username, "-P", password,
            "-i", clientId, "-t", reader.Ack, "-q", "1"];
        foreach (var argument in common.Concat(extra)) start.ArgumentList.Add(argument);
        return Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start (apt-get install -y mosquitto-clients).");
    }

    /// <summary>The broker logs the connection; its SUBSCRIBE follows on the same socket straight away.</summary>
    private async Task SubscribedAsync(string clientId, Process subscriber, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        while (!Logged($" as {clientId} "))
        {
            if (subscriber.HasExited) throw new InvalidOperationException($"mosquitto_sub exited: {await subscriber.StandardError.ReadToEndAsync(ct)}");
            if (waited.Elapsed > TimeSpan.FromSeconds(15)) throw new InvalidOperationException("mosquitto_sub did not connect within 15 s.");
            await Task.Delay(20, ct);
        }
        await Task.Delay(300, ct);
    }

    private bool Logged(string text)
    {
        using var stream = new FileStream(host.BrokerLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var log = new StreamReader(stream);
        return log.ReadToEnd().Contains(text, StringComparison.Ordinal);
    }
}

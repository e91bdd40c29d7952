using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Platform.Ingest.Tests.Support;

/// <summary>mosquitto_pub and mosquitto_sub as independent peers: a codec bug of ours cannot hide behind our own decoder.</summary>
public static class MosquittoClients
{
    public static Task PublishAsync(MosquittoBroker broker, string topic, string message, int qos = 1) =>
        BrokerProcess.RunAsync("mosquitto_pub", "-V", "mqttv311", "-h", broker.Host, "-p", Port(broker), "-q", Qos(qos), "-t", topic, "-m", message);

    /// <summary>One message per line of <paramref name="lines"/>, on one connection (mosquitto_pub -l).</summary>
    public static async Task PublishLinesAsync(MosquittoBroker broker, string topic, IEnumerable<string> lines, int qos = 1)
    {
        using var process = BrokerProcess.Start("mosquitto_pub", ["-V", "mqttv311", "-h", broker.Host, "-p", Port(broker), "-q", Qos(qos), "-t", topic, "-l"], new StringBuilder(), redirectInput: true);
        foreach (var line in lines)
        {
            await process.StandardInput.WriteLineAsync(line);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.Should().Be(0);
    }

    public static async Task<MosquittoSubscriber> SubscribeAsync(MosquittoBroker broker, string topicFilter, int count, int qos = 1)
    {
        var output = new StringBuilder();
        var clientId = $"mosquitto-sub-{Guid.NewGuid():N}";
        var process = BrokerProcess.Start(
            "mosquitto_sub",
            ["-V", "mqttv311", "-h", broker.Host, "-p", Port(broker), "-i", clientId, "-q", Qos(qos), "-t", topicFilter, "-C", Qos(count), "-W", "20", "-v"],
            output);

        // Publishing before the broker has the subscription would lose the message. mosquitto_sub's own
        // output is block-buffered on a pipe, so the broker's subscribe log is what tells us.
        var waited = Stopwatch.StartNew();
        while (!broker.Log().Contains($" {clientId} {qos} {topicFilter}", StringComparison.Ordinal))
        {
            if (process.HasExited || waited.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new InvalidOperationException($"mosquitto_sub did not subscribe: {Read(output)}\n{broker.Log()}");
            }

            await Task.Delay(10);
        }

        return new MosquittoSubscriber(process, output);
    }

    internal static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static string Port(MosquittoBroker broker) => broker.Port.ToString(CultureInfo.InvariantCulture);

    private static string Qos(int value) => value.ToString(CultureInfo.InvariantCulture);
}

public sealed class MosquittoSubscriber(Process process, StringBuilder output) : IDisposable
{
    /// <summary>The "topic payload" lines mosquitto_sub printed once it received its count and exited.</summary>
    public async Task<IReadOnlyList<string>> MessagesAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(25));
        await process.WaitForExitAsync(timeout.Token);
        process.WaitForExit();
        return MosquittoClients.Read(output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
        }

        process.Dispose();
    }
}

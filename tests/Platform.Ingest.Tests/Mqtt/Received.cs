using System.Text;
using Platform.Ingest.Mqtt;

namespace Platform.Ingest.Tests.Mqtt;

internal static class Received
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static async Task<MqttMessage> NextAsync(this MqttClient client)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await client.Messages.ReadAsync(timeout.Token);
    }

    public static string Text(this MqttMessage message) => Encoding.UTF8.GetString(message.Payload.Span);

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(20, timeout.Token).ContinueWith(
                t => t.IsCanceled ? throw new TimeoutException($"Waited {Patience} for {what}.") : t, TaskScheduler.Default).Unwrap();
        }
    }
}

using Microsoft.Extensions.Options;
using Platform.Ingest.Mqtt;
using Platform.Ingest.Registry;
using Platform.Ingest.Telemetry;

namespace Platform.Ingest.Worker;

/// <summary>
/// Sorts a batch of broker messages: telemetry of registered, active devices goes to the intake; the
/// rest is counted by reason. Status messages are kept apart for presence.
/// </summary>
public sealed class IngestBatch(DeviceDirectory directory, IngestCounters counters, IOptions<IngestOptions> options, TimeProvider time)
{
    public sealed record Sorted(IReadOnlyList<TelemetryItem> Items, IReadOnlyList<(DeviceTopic Topic, MqttMessage Message)> Statuses);

    public async Task<Sorted> SortAsync(IReadOnlyList<MqttMessage> messages, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var candidates = new List<(DeviceTopic Topic, TelemetryPayload Content)>();
        var statuses = new List<(DeviceTopic, MqttMessage)>();
        foreach (var message in messages)
        {
            if (!DeviceTopic.TryParse(message.Topic, out var topic))
            {
                counters.Reject(RejectReasons.Topic);
                continue;
            }
            if (topic.Kind == DeviceTopic.Status)
            {
                statuses.Add((topic, message));
                continue;
            }
            var content = TelemetryParser.Parse(message.Payload, options.Value.MaxPayloadBytes, now);
            if (content is TelemetryPayload.Malformed malformed) counters.Reject(malformed.Reason);
            else candidates.Add((topic, content));
        }

        var devices = await directory.FindAsync(candidates.Select(c => c.Topic.DeviceId).Concat(statuses.Select(s => s.Item1.DeviceId)), ct);
        var items = new List<TelemetryItem>(candidates.Count);
        foreach (var (topic, content) in candidates)
        {
            if (Refusal(devices.GetValueOrDefault(topic.DeviceId), topic) is { } reason) counters.Reject(reason);
            else items.Add(new TelemetryItem(topic.TenantId, topic.DeviceId, content));
        }
        return new Sorted(items, [.. statuses.Where(s => Refusal(devices.GetValueOrDefault(s.Item1.DeviceId), s.Item1) is null)]);
    }

    /// <summary>The broker's ACL already keeps a device to its own topics; this holds even if the broker's files lag the registry.</summary>
    private static string? Refusal(DeviceEntry? device, DeviceTopic topic) => device switch
    {
        null => RejectReasons.UnknownDevice,
        { } d when d.TenantId != topic.TenantId => RejectReasons.TenantMismatch,
        { Active: false } => RejectReasons.RevokedDevice,
        _ => null,
    };
}

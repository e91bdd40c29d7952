using Platform.Write.Devices;
using Platform.Write.EventStore;

namespace Platform.Ingest.Telemetry;

/// <summary>
/// Stores a batch of telemetry through the event store's bulk path (readings and recorded refusals,
/// deduplicated by their (tenant, device, boot, seq) event ids) and answers, once it committed, the
/// ack of every (device, boot) in it. Used by the MQTT worker and by the HTTP fallback.
/// </summary>
public sealed class ReadingIntake(BulkAppender bulk, AckMarks marks, IngestCounters counters)
{
    private static readonly EventMetadata Metadata = new(Source: "mqtt");

    /// <summary>The ack of every (device, boot) in <paramref name="items"/>; duplicates are acknowledged again.</summary>
    public async Task<StoredBatch> StoreAsync(IReadOnlyList<TelemetryItem> items, CancellationToken ct, EventMetadata? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0) return new StoredBatch([], 0, 0);
        var result = await AppendAsync(Prepare(items, metadata), items, ct);
        return new StoredBatch(await AcknowledgeAsync(items, ct), result.Appended, result.Duplicates);
    }

    /// <summary>The batch's events, validated and serialized (no database yet); throws <see cref="InvalidAppendException"/>.</summary>
    public PreparedBulk Prepare(IReadOnlyList<TelemetryItem> items, EventMetadata? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        return bulk.Prepare([.. items.Select(i => ToEvent(i, metadata ?? Metadata))]);
    }

    /// <summary>Stores <paramref name="prepared"/> (made from <paramref name="items"/>) in one transaction.</summary>
    public async Task<BulkAppendResult> AppendAsync(PreparedBulk prepared, IReadOnlyList<TelemetryItem> items, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(items);
        var result = await bulk.AppendAsync(prepared, ct);
        counters.Store(result.Appended, result.Duplicates);
        foreach (var refused in items.Select(i => i.Content).OfType<TelemetryPayload.Refused>()) counters.Reject(refused.Reason);
        return result;
    }

    /// <summary>Once the items committed: the ack of every (device, boot) in them.</summary>
    public Task<IReadOnlyList<DeviceAck>> AcknowledgeAsync(IReadOnlyList<TelemetryItem> items, CancellationToken ct) => marks.AdvanceAsync(items, ct);

    public static BulkEvent ToEvent(TelemetryItem item, EventMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(item);
        var device = item.DeviceId.ToString("D");
        return item.Content switch
        {
            TelemetryPayload.Reading r => Readings.ToBulkEvent(item.TenantId, new ReadingRecorded(device, r.Boot, r.Seq, r.MeasuredAt, r.Values, r.Units), metadata),
            TelemetryPayload.Refused r => Readings.ToBulkEvent(item.TenantId, new ReadingRejected(device, r.Boot, r.Seq, $"{r.Reason}: {r.Field}"), metadata),
            _ => throw new ArgumentException("A malformed message cannot be stored.", nameof(item)),
        };
    }
}

/// <summary>What a batch left: the acks to publish, and how many of its messages were new or already stored.</summary>
public sealed record StoredBatch(IReadOnlyList<DeviceAck> Acks, int Appended, int Duplicates);

using NpgsqlTypes;
using Platform.Benchmarks.Common;
using Platform.Write.Devices;
using Platform.Write.EventStore;

namespace Platform.Benchmarks.Append;

/// <summary>
/// bulk: device readings through BulkAppender in batches of 5,000, against binary COPY of the
/// same rows into raw_events with versions worked out beforehand; each batch its own transaction.
/// </summary>
internal sealed class BulkAppendCase(AppendDatabase db, DeviceReadings readings)
{
    private const int BatchSize = 5_000;
    private const double Target = 0.7;

    public static Comparison Create(int events, AppendDatabase db)
    {
        var bulk = new BulkAppendCase(db, DeviceReadings.Create(db.Tenant, events));
        return new Comparison("bulk", Target, events, BatchSize, bulk.RunAsync);
    }

    private async Task RunAsync(Side side, int count, CancellationToken ct)
    {
        for (var offset = 0; offset < count; offset += BatchSize)
        {
            if (side == Side.Ours) await AppendOursAsync(offset, ct);
            else await CopyRawAsync(offset, ct);
        }
    }

    private async Task AppendOursAsync(int offset, CancellationToken ct)
    {
        var result = await db.Bulk.AppendAsync(new ArraySegment<BulkEvent>(readings.Events, offset, BatchSize), ct);
        if (result.Appended != BatchSize) throw new InvalidOperationException($"Bulk append stored {result.Appended} of {BatchSize}.");
    }

    // Serializes like the store does, so both sides pay for the same JSON.
    private async Task CopyRawAsync(int offset, CancellationToken ct)
    {
        await using var connection = await db.Raw.OpenConnectionAsync(ct);
        await using var copy = await connection.BeginBinaryImportAsync(RawSql.Copy, ct);
        for (var i = offset; i < offset + BatchSize; i++)
        {
            var e = readings.Events[i];
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(e.TenantId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(e.StreamId, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(readings.Versions[i], NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(e.EventId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(Readings.EventName, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(EventSerializer.Serialize(e.Data), NpgsqlDbType.Jsonb, ct);
            await copy.WriteAsync(EventSerializer.SerializeMetadata(e.Metadata), NpgsqlDbType.Jsonb, ct);
        }
        await copy.CompleteAsync(ct);
    }
}

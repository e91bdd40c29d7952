using Platform.Write.Devices;

namespace Platform.Projections.Devices;

public readonly record struct SensorKey(Guid TenantId, Guid DeviceId, string Sensor);

public readonly record struct BucketKey(Guid TenantId, Guid DeviceId, string Sensor, DateTimeOffset Bucket);

public sealed record LatestValue(decimal Value, string Unit, DateTimeOffset MeasuredAt, long Position);

public sealed record Rollup(decimal Min, decimal Max, decimal Sum, long Count)
{
    public static Rollup Of(decimal value) => new(value, value, value, 1);

    public Rollup Add(decimal value) => new(Math.Min(Min, value), Math.Max(Max, value), Sum + value, Count + 1);
}

/// <summary>
/// A batch of readings merged in memory before it is written: one latest value per (device, sensor)
/// and one rollup per bucket, so the tables take one multi-row upsert each, whatever the batch size.
/// </summary>
public sealed class TelemetryBatch
{
    public Dictionary<SensorKey, LatestValue> Latest { get; } = [];

    public Dictionary<BucketKey, Rollup> Minutes { get; } = [];

    public Dictionary<BucketKey, Rollup> Hours { get; } = [];

    public bool IsEmpty => Latest.Count == 0;

    /// <summary>Readings of a device id that is not a registry id (none are stored so) are left out.</summary>
    public void Add(Guid tenantId, ReadingRecorded reading, long position)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (!Guid.TryParse(reading.DeviceId, out var deviceId)) return;
        var measured = reading.MeasuredAt.ToUniversalTime();
        var minute = Truncate(measured, TimeSpan.TicksPerMinute);
        var hour = Truncate(measured, TimeSpan.TicksPerHour);
        foreach (var (sensor, value) in reading.Values)
        {
            var key = new SensorKey(tenantId, deviceId, sensor);
            var unit = reading.Units?.GetValueOrDefault(sensor) ?? "";
            var candidate = new LatestValue(value, unit, measured, position);
            if (!Latest.TryGetValue(key, out var held) || IsLater(candidate, held)) Latest[key] = candidate;
            Accumulate(Minutes, new BucketKey(tenantId, deviceId, sensor, minute), value);
            Accumulate(Hours, new BucketKey(tenantId, deviceId, sensor, hour), value);
        }
    }

    /// <summary>By measurement time: a resent or late reading never replaces a newer one; ties go to the later event.</summary>
    public static bool IsLater(LatestValue candidate, LatestValue held)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(held);
        return candidate.MeasuredAt > held.MeasuredAt || (candidate.MeasuredAt == held.MeasuredAt && candidate.Position > held.Position);
    }

    public static DateTimeOffset Truncate(DateTimeOffset utc, long ticks) => new(utc.UtcTicks - utc.UtcTicks % ticks, TimeSpan.Zero);

    private static void Accumulate(Dictionary<BucketKey, Rollup> rollups, BucketKey key, decimal value) =>
        rollups[key] = rollups.TryGetValue(key, out var held) ? held.Add(value) : Rollup.Of(value);
}

using Npgsql;
using Platform.Projections.Daemon;
using Platform.Read.Devices;

namespace Platform.Projections.Devices;

/// <summary>The upserts of a merged batch: one statement per table, set-based over arrays.</summary>
internal static class TelemetryRows
{
    public static NpgsqlBatchCommand UpsertLatest(ProjectionContext context, IReadOnlyDictionary<SensorKey, LatestValue> latest)
    {
        var rows = latest.ToList();
        return Command($"""
            insert into {context.Table(DeviceTelemetryViews.Latest)} as l (tenant_id, device_id, sensor, value, unit, measured_at, position)
            select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::numeric[], $5::text[], $6::timestamptz[], $7::bigint[])
            on conflict (tenant_id, device_id, sensor) do update
               set value = excluded.value, unit = excluded.unit, measured_at = excluded.measured_at, position = excluded.position
             where (excluded.measured_at, excluded.position) > (l.measured_at, l.position)
            """,
            rows.Select(r => r.Key.TenantId).ToArray(), rows.Select(r => r.Key.DeviceId).ToArray(), rows.Select(r => r.Key.Sensor).ToArray(),
            rows.Select(r => r.Value.Value).ToArray(), rows.Select(r => r.Value.Unit).ToArray(),
            rows.Select(r => r.Value.MeasuredAt).ToArray(), rows.Select(r => r.Value.Position).ToArray());
    }

    /// <summary>Adds the batch's buckets to the stored ones: the daemon applies each event once, so sums and counts stay exact.</summary>
    public static NpgsqlBatchCommand UpsertRollups(ProjectionContext context, string view, IReadOnlyDictionary<BucketKey, Rollup> rollups)
    {
        var rows = rollups.ToList();
        return Command($"""
            insert into {context.Table(view)} as r (tenant_id, device_id, sensor, bucket, min_value, max_value, sum_value, value_count)
            select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[], $5::numeric[], $6::numeric[], $7::numeric[], $8::bigint[])
            on conflict (tenant_id, device_id, sensor, bucket) do update
               set min_value = least(r.min_value, excluded.min_value), max_value = greatest(r.max_value, excluded.max_value),
                   sum_value = r.sum_value + excluded.sum_value, value_count = r.value_count + excluded.value_count
            """,
            rows.Select(r => r.Key.TenantId).ToArray(), rows.Select(r => r.Key.DeviceId).ToArray(), rows.Select(r => r.Key.Sensor).ToArray(),
            rows.Select(r => r.Key.Bucket).ToArray(), rows.Select(r => r.Value.Min).ToArray(), rows.Select(r => r.Value.Max).ToArray(),
            rows.Select(r => r.Value.Sum).ToArray(), rows.Select(r => r.Value.Count).ToArray());
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(new() { Value = value });
        return command;
    }
}

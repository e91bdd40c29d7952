using Npgsql;

namespace Platform.Projections.Tests.Devices;

/// <summary>The telemetry read models recomputed straight from the events table, as md5s of their rows in key order.</summary>
internal static class TelemetryRecompute
{
    private const string Values = """
        from events e, jsonb_each_text(e.data->'values') v
        where e.type = 'devices.reading-recorded.v1'
        """;

    public static string Rollups(string unit) => $"""
        select e.tenant_id, (e.data->>'deviceId')::uuid as device_id, v.key as sensor,
               date_trunc('{unit}', (e.data->>'measuredAt')::timestamptz, 'UTC') as bucket,
               min(v.value::numeric) as min_value, max(v.value::numeric) as max_value, sum(v.value::numeric) as sum_value, count(*) as value_count
          {Values}
         group by 1, 2, 3, 4
        """;

    public const string Latest = $"""
        select distinct on (e.tenant_id, (e.data->>'deviceId')::uuid, v.key)
               e.tenant_id, (e.data->>'deviceId')::uuid as device_id, v.key as sensor, v.value::numeric as value,
               coalesce(e.data->'units'->>v.key, '') as unit, (e.data->>'measuredAt')::timestamptz as measured_at, e.position
          {Values}
         order by e.tenant_id, (e.data->>'deviceId')::uuid, v.key, (e.data->>'measuredAt')::timestamptz desc, e.position desc
        """;

    public static async Task<string?> HashAsync(NpgsqlDataSource dataSource, string relation, string key)
    {
        await using var command = dataSource.CreateCommand(
            $"select md5(string_agg(t::text, ',' order by {key})) from ({relation}) t");
        return await command.ExecuteScalarAsync() as string;
    }

    public static async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

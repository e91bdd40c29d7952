using Platform.Projections.Daemon;
using Platform.Read.Devices;

namespace Platform.Projections.Devices;

/// <summary>
/// The device-telemetry projection's read tables, in the generation's names. Every key starts with
/// tenant_id; the daemon forces row-level security on them and grants the application role select.
/// </summary>
internal static class TelemetryTables
{
    public static readonly string[] All = [DeviceTelemetryViews.Latest, DeviceTelemetryViews.Minutes, DeviceTelemetryViews.Hours];

    public static async Task CreateAsync(ProjectionContext context, CancellationToken ct)
    {
        var latest = context.Table(DeviceTelemetryViews.Latest);
        var sql = $"""
            create table if not exists {latest} (
                tenant_id uuid not null,
                device_id uuid not null,
                sensor text not null,
                value numeric not null,
                unit text not null,
                measured_at timestamptz not null,
                position bigint not null,
                primary key (tenant_id, device_id, sensor));
            {Rollup(context.Table(DeviceTelemetryViews.Minutes))}
            {Rollup(context.Table(DeviceTelemetryViews.Hours))}
            """;
        await using var command = context.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(ct);
    }

    // The key is also the order a series is read in: one device's sensor, bucket after bucket.
    private static string Rollup(string table) => $"""
        create table if not exists {table} (
            tenant_id uuid not null,
            device_id uuid not null,
            sensor text not null,
            bucket timestamptz not null,
            min_value numeric not null,
            max_value numeric not null,
            sum_value numeric not null,
            value_count bigint not null,
            primary key (tenant_id, device_id, sensor, bucket));
        """;
}

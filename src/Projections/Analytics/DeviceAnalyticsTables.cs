using Platform.Projections.Daemon;
using Platform.Read.Analytics;

namespace Platform.Projections.Analytics;

/// <summary>The device-analytics projection's read tables, in the generation's names; every key starts with tenant_id.</summary>
internal static class DeviceAnalyticsTables
{
    public static async Task CreateAsync(ProjectionContext context, CancellationToken ct)
    {
        var (readings, alerts) = (context.Table(InsightViews.DeviceReadings), context.Table(InsightViews.DeviceAlerts));
        var sql = $"""
            create table if not exists {readings} (
                tenant_id uuid not null, day date not null, device_id text not null, readings bigint not null,
                primary key (tenant_id, day, device_id) include (readings));
            create table if not exists {alerts} (
                tenant_id uuid not null, day date not null, device_id uuid not null, severity text not null, raised bigint not null,
                primary key (tenant_id, day, device_id, severity) include (raised));
            """;
        await using var command = context.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(ct);
    }
}

namespace Platform.Read.Analytics;

/// <summary>The device figures' queries over the device-analytics views and the devices rows: @tenant, @from and @to (days, both included).</summary>
internal static class DeviceFiguresSql
{
    public const string Devices = """
        select count(*) filter (where status <> 'revoked') as Active, count(*) filter (where status = 'revoked') as Revoked
          from devices where tenant_id = @tenant
        """;

    public const string Days = $"""
        select day as Day, sum(readings)::bigint as Readings from {InsightViews.DeviceReadings}
         where tenant_id = @tenant and day between @from::date and @to::date
         group by day order by day
        """;

    public const string PerDevice = $"""
        with activity as (
            select device_id, null::text as severity, sum(readings)::bigint as readings, 0::bigint as raised from {InsightViews.DeviceReadings}
             where tenant_id = @tenant and day between @from::date and @to::date group by device_id
            union all
            select device_id::text, severity, 0, sum(raised)::bigint from {InsightViews.DeviceAlerts}
             where tenant_id = @tenant and day between @from::date and @to::date group by device_id, severity)
        select a.device_id as DeviceId, d.name as Name, a.severity as Severity, a.readings as Readings, a.raised as Raised
          from activity a left join devices d on d.tenant_id = @tenant and d.device_id::text = a.device_id
        """;
}

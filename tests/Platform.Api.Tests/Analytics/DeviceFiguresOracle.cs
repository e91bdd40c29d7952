using System.Text.Json;
using Npgsql;

namespace Platform.Api.Tests.Analytics;

/// <summary>
/// The device figures computed from scratch by plain SQL over the event table (days in the tenant's time zone),
/// and the same figures read off a /api/analytics/devices answer, as flat name → value maps.
/// </summary>
internal static class DeviceFiguresOracle
{
    private const string Figures_ = """
        with ev as (
            select e.type, e.data, (e.recorded_at at time zone t.time_zone)::date as day
              from events e join tenants t on t.tenant_id = e.tenant_id
             where e.tenant_id = $1 and e.type in ('devices.device-registered.v1', 'devices.device-revoked.v1',
                                                   'devices.reading-recorded.v1', 'devices.alert-raised.v1')),
        readings as (select data->>'deviceId' as device, day from ev where type = 'devices.reading-recorded.v1' and day between $2 and $3),
        alerts as (select data->>'deviceId' as device, data->>'severity' as severity from ev where type = 'devices.alert-raised.v1' and day between $2 and $3)
        select 'devices', (count(*) filter (where type = 'devices.device-registered.v1') - count(*) filter (where type = 'devices.device-revoked.v1'))::numeric
          from ev
        union all select 'revoked', count(*) from ev where type = 'devices.device-revoked.v1'
        union all select 'readings', count(*) from readings
        union all select 'day:' || day, count(*) from readings group by day
        union all select 'readings:' || device, count(*) from readings group by device
        union all select 'alerts', count(*) from alerts
        union all select 'severity:' || severity, count(*) from alerts group by severity
        union all select 'alerts:' || device || ':' || severity, count(*) from alerts group by device, severity
        """;

    public static Task<Dictionary<string, decimal>> FromEventsAsync(NpgsqlDataSource system, Guid tenantId, DateOnly from, DateOnly to) =>
        OracleQueries.FiguresAsync(system, Figures_, tenantId, from, to);

    public static Dictionary<string, decimal> Figures(JsonElement answer)
    {
        var figures = new Dictionary<string, decimal>
        {
            ["devices"] = answer.GetProperty("devices").GetDecimal(),
            ["revoked"] = answer.GetProperty("revokedDevices").GetDecimal(),
            ["readings"] = answer.GetProperty("readings").GetDecimal(),
            ["alerts"] = answer.GetProperty("alertsRaised").GetDecimal(),
        };
        foreach (var d in answer.GetProperty("readingsPerDay").EnumerateArray()) figures[$"day:{d.GetProperty("day").GetString()}"] = d.GetProperty("readings").GetDecimal();
        foreach (var s in answer.GetProperty("alertsBySeverity").EnumerateArray())
            if (s.GetProperty("raised").GetInt64() > 0) figures[$"severity:{s.GetProperty("severity").GetString()}"] = s.GetProperty("raised").GetDecimal();
        foreach (var d in answer.GetProperty("perDevice").EnumerateArray())
        {
            var id = d.GetProperty("deviceId").GetString();
            if (d.GetProperty("readings").GetInt64() > 0) figures[$"readings:{id}"] = d.GetProperty("readings").GetDecimal();
            foreach (var s in d.GetProperty("alertsBySeverity").EnumerateArray())
                if (s.GetProperty("raised").GetInt64() > 0) figures[$"alerts:{id}:{s.GetProperty("severity").GetString()}"] = s.GetProperty("raised").GetDecimal();
        }
        return figures;
    }
}

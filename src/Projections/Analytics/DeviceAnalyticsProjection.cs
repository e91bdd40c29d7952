using Platform.Projections.Daemon;
using Platform.Read.Analytics;
using Platform.Write.Devices;
using Platform.Write.Devices.Alerts;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Projections.Analytics;

/// <summary>
/// Per-tenant device figures kept incrementally: readings and raised alerts (by severity) per device and
/// day, the day of the recorded time in the tenant's time zone. Readings come by the thousand, so a batch
/// is counted in memory and written with one upsert per table.
/// </summary>
public sealed class DeviceAnalyticsProjection : IProjection
{
    public const string ProjectionName = "device-analytics";
    private const string SettingsChanged = "tenancy.tenant-settings-changed.v1";
    private readonly TenantZones _zones = new();

    public string Name => ProjectionName;

    public int Version => 1;

    public IReadOnlyCollection<string> EventTypes { get; } = [Readings.EventName, AlertEvents.RaisedName, SettingsChanged];

    public IReadOnlyCollection<string> Tables => InsightViews.Devices;

    public Task InitializeAsync(ProjectionContext context, CancellationToken ct) => DeviceAnalyticsTables.CreateAsync(context, ct);

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(events);
        var readings = new Dictionary<(Guid Tenant, DateOnly Day, string Device), long>();
        var alerts = new Dictionary<(Guid Tenant, DateOnly Day, Guid Device, string Severity), long>();
        foreach (var e in events)
        {
            if (e.Data is TenantSettingsChanged) _zones.Forget(e.TenantId);
            if (e.Data is ReadingRecorded r)
            {
                var key = (e.TenantId, await _zones.DayAsync(context, e.TenantId, e.RecordedAt, ct), r.DeviceId);
                readings[key] = readings.GetValueOrDefault(key) + 1;
            }
            else if (e.Data is AlertRaised a)
            {
                var key = (e.TenantId, await _zones.DayAsync(context, e.TenantId, e.RecordedAt, ct), a.DeviceId, a.Severity.ToString().ToLowerInvariant());
                alerts[key] = alerts.GetValueOrDefault(key) + 1;
            }
        }
        await using var batch = context.CreateBatch();
        var (readingsTable, alertsTable) = (context.Table(InsightViews.DeviceReadings), context.Table(InsightViews.DeviceAlerts));
        if (readings.Count > 0)
        {
            batch.BatchCommands.Add(BatchStatements.Of($"""
                insert into {readingsTable} as t (tenant_id, day, device_id, readings)
                select * from unnest($1::uuid[], $2::date[], $3::text[], $4::bigint[])
                on conflict (tenant_id, day, device_id) do update set readings = t.readings + excluded.readings
                """, readings.Keys.Select(k => k.Tenant).ToArray(), readings.Keys.Select(k => k.Day).ToArray(),
                readings.Keys.Select(k => k.Device).ToArray(), readings.Values.ToArray()));
        }
        if (alerts.Count > 0)
        {
            batch.BatchCommands.Add(BatchStatements.Of($"""
                insert into {alertsTable} as t (tenant_id, day, device_id, severity, raised)
                select * from unnest($1::uuid[], $2::date[], $3::uuid[], $4::text[], $5::bigint[])
                on conflict (tenant_id, day, device_id, severity) do update set raised = t.raised + excluded.raised
                """, alerts.Keys.Select(k => k.Tenant).ToArray(), alerts.Keys.Select(k => k.Day).ToArray(),
                alerts.Keys.Select(k => k.Device).ToArray(), alerts.Keys.Select(k => k.Severity).ToArray(), alerts.Values.ToArray()));
        }
        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(ct);
    }
}

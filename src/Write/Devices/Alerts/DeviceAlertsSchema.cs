using Npgsql;
using Platform.Write.Storage;

namespace Platform.Write.Devices.Alerts;

/// <summary>Rules, alerts and the alerts reactor's state; after the tenancy schema (its role and current_tenant_id).</summary>
public static class DeviceAlertsSchema
{
    public const string Module = "device-alerts";

    public static Task MigrateAsync(NpgsqlDataSource dataSource, CancellationToken ct = default) =>
        SchemaMigrator.MigrateAsync(dataSource, Module, typeof(DeviceAlertsSchema).Assembly, "Devices.Alerts.Migrations", ct);
}

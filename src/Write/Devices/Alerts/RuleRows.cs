using System.Text.Json;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Devices.Alerts;

/// <summary>The device_rules row of a rule, kept equal to its stream in the transaction that appends to it.</summary>
internal static class RuleRows
{
    public const int MaxRulesPerDevice = 16;

    /// <summary>The device's status and sensor names, or null when the tenant has no such device.</summary>
    public static async Task<(string Status, IReadOnlyList<string> Sensors)?> DeviceAsync(TenantTransaction tx, Guid deviceId, CancellationToken ct)
    {
        await using var command = tx.Command("select status, sensors::text from devices where tenant_id = $1 and device_id = $2", tx.TenantId, deviceId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        var sensors = JsonSerializer.Deserialize<List<DeviceSensor>>(reader.GetString(1), EventSerializer.Json) ?? [];
        return (reader.GetString(0), sensors.Select(s => s.Name).ToList());
    }

    /// <summary>Serializes rule additions of one device, so two cannot both take the last place.</summary>
    public static async Task<long> LockAndCountAsync(TenantTransaction tx, Guid deviceId, CancellationToken ct)
    {
        await tx.ExecuteAsync("select pg_advisory_xact_lock(hashtextextended('device-rules/' || $1::text, 0))", ct, deviceId);
        return await tx.ScalarAsync<long>("select count(*) from device_rules where tenant_id = $1 and device_id = $2", ct, tx.TenantId, deviceId);
    }

    public static Task InsertAsync(TenantTransaction tx, RuleAdded added, long version, DateTimeOffset now, CancellationToken ct) =>
        tx.ExecuteAsync("""
            insert into device_rules (tenant_id, device_id, rule_id, name, kind, sensor, definition, template, version, created_at, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $10)
            """, ct, tx.TenantId, added.DeviceId, added.RuleId, added.Rule.Name, AlertSql.Name(added.Rule.Kind), added.Rule.Sensor,
            Json(added.Rule), added.Template, version, now);

    public static async Task UpdateAsync(TenantTransaction tx, RuleState state, long version, DateTimeOffset now, CancellationToken ct)
    {
        var rows = state.Removed
            ? await tx.ExecuteAsync("delete from device_rules where tenant_id = $1 and rule_id = $2", ct, tx.TenantId, state.RuleId)
            : await tx.ExecuteAsync("""
                update device_rules set name = $3, kind = $4, sensor = $5, definition = $6::jsonb, version = $7, updated_at = $8
                 where tenant_id = $1 and rule_id = $2
                """, ct, tx.TenantId, state.RuleId, state.Definition.Name, AlertSql.Name(state.Definition.Kind), state.Definition.Sensor,
                Json(state.Definition), version, now);
        TenancySql.EnsureOne(rows, "device_rules");
    }

    private static string Json(RuleDefinition rule) => JsonSerializer.Serialize(rule, EventSerializer.Json);
}

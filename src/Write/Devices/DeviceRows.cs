using System.Text.Json;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Devices;

/// <summary>The devices row of a device, kept equal to its registry stream's fold, plus its secret's hash.</summary>
internal static class DeviceRows
{
    /// <summary>The channel that tells ingest workers and the broker provisioner a device changed ("tenant/device").</summary>
    public const string Channel = "platform_devices";

    /// <summary>Serializes device-count decisions of one tenant, so two registrations cannot both take the last place.</summary>
    public static Task LockInventoryAsync(TenantTransaction tx, CancellationToken ct) =>
        tx.ExecuteAsync("select pg_advisory_xact_lock(hashtextextended('devices-inventory/' || $1::text, 0))", ct, tx.TenantId);

    public static async Task<Plan> PlanAsync(TenantTransaction tx, CancellationToken ct) =>
        Plans.Named(await tx.ScalarAsync<string>("select plan from tenants where tenant_id = $1", ct, tx.TenantId));

    public static Task<long> ActiveAsync(TenantTransaction tx, CancellationToken ct) =>
        tx.ScalarAsync<long>("select count(*) from devices where tenant_id = $1 and status = 'active'", ct, tx.TenantId);

    public static Task InsertAsync(TenantTransaction tx, DeviceState state, string secretHash, long version, DateTimeOffset now, CancellationToken ct) =>
        tx.ExecuteAsync("""
            insert into devices (tenant_id, device_id, name, profile, sensors, username, secret_hash, status, version, created_at, updated_at)
            values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10, $10)
            """, ct, tx.TenantId, state.DeviceId, state.Name, Names(state.Profile), JsonSerializer.Serialize(state.Sensors, EventSerializer.Json),
            state.Username, secretHash, Names(state.Status), version, now);

    /// <summary>A null hash keeps the stored one; a revoked device keeps none.</summary>
    public static async Task UpdateAsync(TenantTransaction tx, DeviceState state, string? secretHash, long version, DateTimeOffset now, CancellationToken ct) =>
        TenancySql.EnsureOne(await tx.ExecuteAsync("""
            update devices set status = $3, secret_hash = case when $3 = 'revoked' then null else coalesce($4, secret_hash) end,
                   version = $5, updated_at = $6
             where tenant_id = $1 and device_id = $2
            """, ct, tx.TenantId, state.DeviceId, Names(state.Status), secretHash, version, now), "devices");

    /// <summary>Delivered at commit, and only then: workers never hear of a change that rolled back.</summary>
    public static Task NotifyAsync(TenantTransaction tx, Guid deviceId, CancellationToken ct) =>
        tx.ExecuteAsync("select pg_notify($1, $2)", ct, Channel, $"{tx.TenantId:D}/{deviceId:D}");

    public static string Names<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}

using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Platform.Write.Devices.Alerts;
using Platform.Write.EventStore;

namespace Platform.Projections.Alerts;

/// <summary>A device's rule watches, keyed by rule, as the alerts reactor loads and saves them.</summary>
internal sealed class DeviceWatches(Guid tenantId, Guid deviceId) : Dictionary<Guid, RuleWatch>
{
    public Guid TenantId { get; } = tenantId;

    public Guid DeviceId { get; } = deviceId;
}

/// <summary>Rows of alert_rule_watches: loaded locked for a batch's devices, saved once at its end.</summary>
internal static class WatchRows
{
    private const string Columns = "w.tenant_id, w.device_id, w.rule_id, w.rule::text, w.progress::text, w.last_heard_at, w.alert_id, w.severity";

    public static async Task<Dictionary<(Guid, Guid), DeviceWatches>> LoadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<(Guid Tenant, Guid Device)> devices, CancellationToken ct)
    {
        var result = devices.Distinct().ToDictionary(k => k, k => new DeviceWatches(k.Tenant, k.Device));
        if (result.Count == 0) return result;
        await using var command = new NpgsqlCommand($"""
            select {Columns} from alert_rule_watches w
              join unnest($1::uuid[], $2::uuid[]) as k(t, d) on w.tenant_id = k.t and w.device_id = k.d
             order by w.tenant_id, w.device_id, w.rule_id
               for update of w
            """, connection, transaction);
        command.Parameters.Add(new() { Value = result.Keys.Select(k => k.Item1).ToArray() });
        command.Parameters.Add(new() { Value = result.Keys.Select(k => k.Item2).ToArray() });
        await foreach (var (tenant, watch) in ReadAsync(command, ct)) result[(tenant, watch.DeviceId)][watch.RuleId] = watch;
        return result;
    }

    /// <summary>No-data watches silent past their minutes at <paramref name="now"/>, locked; rows another transaction holds are skipped.</summary>
    public static async Task<List<(Guid Tenant, RuleWatch Watch)>> SilentAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now, int limit, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            select {Columns} from alert_rule_watches w
             where w.kind = 'no-data' and w.alert_id is null
               and w.last_heard_at + make_interval(mins => (w.rule->>'noDataMinutes')::int) <= $1
             order by w.last_heard_at
             limit $2
               for update of w skip locked
            """, connection, transaction);
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = limit });
        var rows = new List<(Guid, RuleWatch)>();
        await foreach (var row in ReadAsync(command, ct)) rows.Add(row);
        return rows;
    }

    public static async Task SaveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<(Guid Tenant, RuleWatch Watch)> saved,
        IReadOnlyCollection<(Guid Tenant, Guid Device, Guid Rule)> deleted, DateTimeOffset now, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (deleted.Count > 0)
        {
            var delete = new NpgsqlBatchCommand("""
                delete from alert_rule_watches w using unnest($1::uuid[], $2::uuid[], $3::uuid[]) as k(t, d, r)
                 where w.tenant_id = k.t and w.device_id = k.d and w.rule_id = k.r
                """);
            delete.Parameters.Add(new() { Value = deleted.Select(d => d.Tenant).ToArray() });
            delete.Parameters.Add(new() { Value = deleted.Select(d => d.Device).ToArray() });
            delete.Parameters.Add(new() { Value = deleted.Select(d => d.Rule).ToArray() });
            batch.BatchCommands.Add(delete);
        }
        if (saved.Count > 0) batch.BatchCommands.Add(Upsert(saved, now));
        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlBatchCommand Upsert(IReadOnlyCollection<(Guid Tenant, RuleWatch Watch)> saved, DateTimeOffset now)
    {
        var upsert = new NpgsqlBatchCommand("""
            insert into alert_rule_watches (tenant_id, device_id, rule_id, kind, rule, progress, last_heard_at, alert_id, severity, updated_at)
            select t, d, r, k, j, p, h, a, s, $10
              from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[], $7::timestamptz[], $8::uuid[], $9::text[])
                   as u(t, d, r, k, j, p, h, a, s)
            on conflict (tenant_id, device_id, rule_id) do update
               set kind = excluded.kind, rule = excluded.rule, progress = excluded.progress, last_heard_at = excluded.last_heard_at,
                   alert_id = excluded.alert_id, severity = excluded.severity, updated_at = excluded.updated_at
            """);
        var watches = saved.Select(s => s.Watch).ToArray();
        upsert.Parameters.Add(new() { Value = saved.Select(s => s.Tenant).ToArray() });
        upsert.Parameters.Add(new() { Value = watches.Select(w => w.DeviceId).ToArray() });
        upsert.Parameters.Add(new() { Value = watches.Select(w => w.RuleId).ToArray() });
        upsert.Parameters.Add(new() { Value = watches.Select(w => AlertNames.Of(w.Rule.Kind)).ToArray() });
        upsert.Parameters.Add(new() { Value = watches.Select(w => JsonSerializer.Serialize(w.Rule, EventSerializer.Json)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        upsert.Parameters.Add(new() { Value = watches.Select(w => JsonSerializer.Serialize(w.Progress, EventSerializer.Json)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        upsert.Parameters.Add(new() { Value = watches.Select(w => w.LastHeardAt).ToArray() });
        upsert.Parameters.Add(new() { Value = watches.Select(w => w.Alert?.AlertId).ToArray() });
        upsert.Parameters.Add(new() { Value = watches.Select(w => w.Alert is { } a ? AlertNames.Of(a.Severity) : null).ToArray() });
        upsert.Parameters.Add(new() { Value = now });
        return upsert;
    }

    private static async IAsyncEnumerable<(Guid Tenant, RuleWatch Watch)> ReadAsync(
        NpgsqlCommand command, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var rule = JsonSerializer.Deserialize<RuleDefinition>(reader.GetString(3), EventSerializer.Json)!;
            var progress = JsonSerializer.Deserialize<RuleProgress>(reader.GetString(4), EventSerializer.Json)!;
            ActiveAlert? alert = reader.IsDBNull(6) ? null : new(reader.GetGuid(6), AlertNames.Severity(reader.GetString(7)));
            yield return (reader.GetGuid(0), new RuleWatch(reader.GetGuid(1), reader.GetGuid(2), rule, progress,
                reader.GetFieldValue<DateTimeOffset>(5), alert));
        }
    }
}

internal static class AlertNames
{
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static AlertSeverity Severity(string name) => Enum.GetValues<AlertSeverity>().First(s => Of(s) == name);
}

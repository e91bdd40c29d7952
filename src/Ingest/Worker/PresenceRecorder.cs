using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Platform.Ingest.Worker;

/// <summary>
/// When devices were last heard from, written at most every <see cref="IngestOptions.PresenceInterval"/>
/// per device and worker, and what their status topic said (online on connect, the will when the connection dropped).
/// </summary>
public sealed class PresenceRecorder(NpgsqlDataSource system, IOptions<IngestOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> written = new();

    public async Task SeenAsync(IEnumerable<(Guid TenantId, Guid DeviceId)> devices, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var due = devices.Distinct().Where(d => !written.TryGetValue(d.DeviceId, out var last) || now - last >= options.Value.PresenceInterval).ToList();
        if (due.Count == 0) return;
        await using var command = system.CreateCommand("""
            insert into device_presence as p (tenant_id, device_id, last_seen_at)
            select t, d, $3 from unnest($1::uuid[], $2::uuid[]) as u(t, d)
            on conflict (tenant_id, device_id) do update set last_seen_at = greatest(p.last_seen_at, excluded.last_seen_at)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = due.Select(d => d.TenantId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = due.Select(d => d.DeviceId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        await command.ExecuteNonQueryAsync(ct);
        foreach (var device in due) written[device.DeviceId] = now;
    }

    /// <summary><c>{"online":true}</c> or <c>{"online":false}</c>; anything else is ignored.</summary>
    public async Task StatusAsync(Guid tenantId, Guid deviceId, ReadOnlyMemory<byte> payload, CancellationToken ct)
    {
        bool online;
        try
        {
            using var document = JsonDocument.Parse(payload);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("online", out var flag)
                || flag.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                return;
            online = flag.GetBoolean();
        }
        catch (JsonException)
        {
            return;
        }
        await using var command = system.CreateCommand("""
            insert into device_presence as p (tenant_id, device_id, last_seen_at, connected, connected_at) values ($1, $2, $4, $3, $4)
            on conflict (tenant_id, device_id) do update
               set connected = excluded.connected, connected_at = excluded.connected_at,
                   last_seen_at = case when excluded.connected then greatest(p.last_seen_at, excluded.last_seen_at) else p.last_seen_at end
            """);
        foreach (var value in new object[] { tenantId, deviceId, online, time.GetUtcNow() }) command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync(ct);
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Platform.Ingest.Registry;

/// <summary>A registered device as the ingest sees it, whichever tenant it belongs to.</summary>
public sealed record DeviceEntry(Guid TenantId, Guid DeviceId, string Username, bool Active, string? SecretHash);

/// <summary>
/// Devices by id across tenants, read on the system connection (the ingest serves every tenant, so
/// row-level security cannot scope it). Cached, unknown ids too, for <see cref="IngestOptions.RegistryCacheTtl"/>;
/// registry changes evict their entry at once through <see cref="RegistryListener"/>.
/// </summary>
public sealed class DeviceDirectory(NpgsqlDataSource system, IOptions<IngestOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, (DeviceEntry? Entry, DateTimeOffset Until)> cache = new();

    public void Invalidate(Guid deviceId) => cache.TryRemove(deviceId, out _);

    public void InvalidateAll() => cache.Clear();

    public async Task<IReadOnlyDictionary<Guid, DeviceEntry?>> FindAsync(IEnumerable<Guid> deviceIds, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var found = new Dictionary<Guid, DeviceEntry?>();
        var missing = new List<Guid>();
        foreach (var id in deviceIds.Distinct())
        {
            if (cache.TryGetValue(id, out var cached) && cached.Until > now) found[id] = cached.Entry;
            else missing.Add(id);
        }
        if (missing.Count == 0) return found;

        var loaded = await LoadAsync(missing, ct);
        var until = now + options.Value.RegistryCacheTtl;
        foreach (var id in missing)
        {
            var entry = loaded.GetValueOrDefault(id);
            found[id] = entry;
            cache[id] = (entry, until);
        }
        return found;
    }

    /// <summary>Straight from the table: credentials checks must see a rotation or a revocation at once.</summary>
    public async Task<DeviceEntry?> FindUncachedAsync(Guid deviceId, CancellationToken ct) =>
        (await LoadAsync([deviceId], ct)).GetValueOrDefault(deviceId);

    private async Task<Dictionary<Guid, DeviceEntry>> LoadAsync(List<Guid> ids, CancellationToken ct)
    {
        await using var command = system.CreateCommand(
            "select tenant_id, device_id, username, status = 'active', secret_hash from devices where device_id = any($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var entries = new Dictionary<Guid, DeviceEntry>();
        while (await reader.ReadAsync(ct))
        {
            var entry = new DeviceEntry(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetBoolean(3),
                reader.IsDBNull(4) ? null : reader.GetString(4));
            entries[entry.DeviceId] = entry;
        }
        return entries;
    }
}

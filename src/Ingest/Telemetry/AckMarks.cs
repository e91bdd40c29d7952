using Npgsql;
using Platform.Write.Devices;

namespace Platform.Ingest.Telemetry;

/// <summary>
/// Computes, after a batch committed, the highest contiguous seq per (device, boot). The stored mark
/// says everything up to it is done; above it, the batch's own seqs are stored, and any seq between
/// the mark and the highest ever stored is looked up by its deterministic event id. Workers share a
/// device's messages (shared subscription), so each looks after its own commit and marks only rise;
/// a race that leaves an ack short is repaired by the device's resend of what it was not acked.
/// </summary>
public sealed class AckMarks(NpgsqlDataSource system)
{
    /// <summary>Most seqs looked up per (device, boot) and batch: a wide gap is closed over several batches.</summary>
    public const int MaxProbe = 1024;

    public async Task<IReadOnlyList<DeviceAck>> AdvanceAsync(IReadOnlyList<TelemetryItem> items, CancellationToken ct)
    {
        var keys = items.GroupBy(i => (i.TenantId, i.DeviceId, i.Boot))
            .Select(g => new Key(g.Key.TenantId, g.Key.DeviceId, g.Key.Boot, g.Select(i => i.Seq).ToHashSet(), g.Max(i => (i.First ?? 1) - 1)))
            .ToList();
        if (keys.Count == 0) return [];
        await using var connection = await system.OpenConnectionAsync(ct);
        var marks = await ReadAsync(connection, keys, ct);
        Mark Before(Key key) => marks.GetValueOrDefault(key.Id) ?? new Mark(0, 0);
        var probes = keys.SelectMany(k => Candidates(k, Math.Max(Before(k).Acked, k.Floor), Before(k).Highest)).ToList();
        var stored = await ProbeAsync(connection, probes, ct);

        var after = new List<(Key Key, Mark Mark)>();
        foreach (var key in keys)
        {
            var mark = Math.Max(Before(key).Acked, key.Floor);
            while (key.Seqs.Contains(mark + 1) || stored.Contains((key.Id, mark + 1))) mark++;
            after.Add((key, new Mark(mark, Math.Max(mark, Math.Max(key.Seqs.Max(), Before(key).Highest)))));
        }
        var saved = await SaveAsync(connection, [.. after.Where(a => a.Mark != Before(a.Key))], ct);
        return [.. after.Select(a => new DeviceAck(a.Key.TenantId, a.Key.DeviceId, a.Key.Boot, Math.Max(a.Mark.Acked, saved.GetValueOrDefault(a.Key.Id))))
            .Where(a => a.Seq > 0)];
    }

    /// <summary>Seqs above the mark this batch does not hold, up to the highest ever stored: stored earlier, out of order?</summary>
    private static IEnumerable<Probe> Candidates(Key key, long from, long highest)
    {
        var top = Math.Min(Math.Max(key.Seqs.Max(), highest), from + MaxProbe);
        for (var seq = from + 1; seq <= top; seq++)
            if (!key.Seqs.Contains(seq)) yield return new Probe(key.Id, seq, Readings.EventId(key.TenantId, key.DeviceId.ToString("D"), key.Boot, seq));
    }

    private static async Task<Dictionary<(Guid, Guid, long), Mark>> ReadAsync(NpgsqlConnection connection, List<Key> keys, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            select m.tenant_id, m.device_id, m.boot, m.acked, m.highest from unnest($1::uuid[], $2::uuid[], $3::bigint[]) as k(t, d, b)
              join device_ack_marks m on m.tenant_id = k.t and m.device_id = k.d and m.boot = k.b
            """, connection);
        command.Parameters.Add(new() { Value = keys.Select(k => k.TenantId).ToArray() });
        command.Parameters.Add(new() { Value = keys.Select(k => k.DeviceId).ToArray() });
        command.Parameters.Add(new() { Value = keys.Select(k => k.Boot).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var marks = new Dictionary<(Guid, Guid, long), Mark>();
        while (await reader.ReadAsync(ct)) marks[(reader.GetGuid(0), reader.GetGuid(1), reader.GetInt64(2))] = new Mark(reader.GetInt64(3), reader.GetInt64(4));
        return marks;
    }

    private static async Task<HashSet<((Guid, Guid, long), long)>> ProbeAsync(NpgsqlConnection connection, List<Probe> probes, CancellationToken ct)
    {
        var stored = new HashSet<((Guid, Guid, long), long)>();
        if (probes.Count == 0) return stored;
        await using var command = new NpgsqlCommand("""
            select u.i from unnest($1::uuid[], $2::uuid[]) with ordinality as u(t, id, i)
             where exists (select from events e where e.tenant_id = u.t and e.event_id = u.id)
            """, connection);
        command.Parameters.Add(new() { Value = probes.Select(p => p.Id.Item1).ToArray() });
        command.Parameters.Add(new() { Value = probes.Select(p => p.EventId).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var probe = probes[(int)reader.GetInt64(0) - 1];
            stored.Add((probe.Id, probe.Seq));
        }
        return stored;
    }

    /// <summary>greatest(): another worker may have raised a mark further meanwhile; the answer is the higher one.</summary>
    private static async Task<Dictionary<(Guid, Guid, long), long>> SaveAsync(NpgsqlConnection connection, List<(Key Key, Mark Mark)> changed, CancellationToken ct)
    {
        var saved = new Dictionary<(Guid, Guid, long), long>();
        if (changed.Count == 0) return saved;
        await using var command = new NpgsqlCommand("""
            insert into device_ack_marks as m (tenant_id, device_id, boot, acked, highest)
            select * from unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::bigint[], $5::bigint[])
            on conflict (tenant_id, device_id, boot) do update
               set acked = greatest(m.acked, excluded.acked), highest = greatest(m.highest, excluded.highest), updated_at = now()
            returning tenant_id, device_id, boot, acked
            """, connection);
        command.Parameters.Add(new() { Value = changed.Select(r => r.Key.TenantId).ToArray() });
        command.Parameters.Add(new() { Value = changed.Select(r => r.Key.DeviceId).ToArray() });
        command.Parameters.Add(new() { Value = changed.Select(r => r.Key.Boot).ToArray() });
        command.Parameters.Add(new() { Value = changed.Select(r => r.Mark.Acked).ToArray() });
        command.Parameters.Add(new() { Value = changed.Select(r => r.Mark.Highest).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) saved[(reader.GetGuid(0), reader.GetGuid(1), reader.GetInt64(2))] = reader.GetInt64(3);
        return saved;
    }

    private sealed record Mark(long Acked, long Highest);

    private sealed record Key(Guid TenantId, Guid DeviceId, long Boot, HashSet<long> Seqs, long Floor)
    {
        public (Guid, Guid, long) Id => (TenantId, DeviceId, Boot);
    }

    private sealed record Probe((Guid, Guid, long) Id, long Seq, Guid EventId);
}

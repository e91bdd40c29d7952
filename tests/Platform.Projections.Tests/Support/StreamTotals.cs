using Npgsql;
using NpgsqlTypes;
using Platform.Projections.Daemon;
using Platform.Write.EventStore;

namespace Platform.Projections.Tests.Support;

public sealed record StreamTotal(Guid TenantId, string StreamId, long Count, long Sum);

/// <summary>
/// One row per stream with the count and sum of its increments. It refuses an event that does not
/// follow the stream's last applied version, so applying anything twice (or out of order) faults
/// instead of going unnoticed.
/// </summary>
public static class StreamTotals
{
    public static async Task CreateTableAsync(ProjectionContext context, string baseName, CancellationToken ct)
    {
        await using var command = context.CreateCommand($"""
            create table if not exists {context.Table(baseName)} (
                tenant_id uuid not null, stream_id text not null, count bigint not null, sum bigint not null,
                last_version bigint not null, primary key (tenant_id, stream_id))
            """);
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task AddAsync(
        ProjectionContext context, string baseName, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        var streams = events.GroupBy(e => (e.TenantId, e.StreamId)).ToList();
        foreach (var stream in streams)
        {
            var versions = stream.Select(e => e.Version).ToList();
            if (!versions.SequenceEqual(Enumerable.Range(0, versions.Count).Select(i => versions[0] + i)))
                throw new InvalidOperationException($"Stream {stream.Key.StreamId} arrived out of order: {string.Join(",", versions)}.");
        }
        var table = context.Table(baseName);
        await using var command = context.CreateCommand($"""
            insert into {table} as t (tenant_id, stream_id, count, sum, last_version)
            select u.tenant_id, u.stream_id, u.count, u.sum, u.last_version
              from unnest($1, $2, $3, $4, $5) as u(tenant_id, stream_id, count, sum, last_version)
             where u.last_version = u.count
                or exists (select 1 from {table} x where x.tenant_id = u.tenant_id and x.stream_id = u.stream_id)
            on conflict (tenant_id, stream_id) do update
               set count = t.count + excluded.count, sum = t.sum + excluded.sum, last_version = excluded.last_version
             where t.last_version = excluded.last_version - excluded.count
            """);
        command.Parameters.Add(new() { Value = streams.Select(s => s.Key.TenantId).ToArray() });
        command.Parameters.Add(new() { Value = streams.Select(s => s.Key.StreamId).ToArray() });
        command.Parameters.Add(new() { Value = streams.Select(s => (long)s.Count()).ToArray() });
        command.Parameters.Add(new() { Value = streams.Select(s => s.Sum(e => (long)By(e))).ToArray() });
        command.Parameters.Add(new() { Value = streams.Select(s => s.Max(e => e.Version)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        var applied = await command.ExecuteNonQueryAsync(ct);
        if (applied != streams.Count)
            throw new InvalidOperationException($"{streams.Count - applied} streams did not continue from their last applied version.");
    }

    public static int By(RecordedEvent e) =>
        e.Data is CounterIncremented incremented ? incremented.By : throw new InvalidOperationException($"Unexpected event {e.Type}.");

    public static async Task<List<StreamTotal>> ReadAsync(NpgsqlDataSource dataSource, string table)
    {
        await using var command = dataSource.CreateCommand(
            $"select tenant_id, stream_id, count, sum from {table} order by tenant_id, stream_id");
        return await ReadTotalsAsync(command);
    }

    /// <summary>The same totals straight from the events table.</summary>
    public static async Task<List<StreamTotal>> RecomputeAsync(NpgsqlDataSource dataSource, string where = "true")
    {
        await using var command = dataSource.CreateCommand($"""
            select tenant_id, stream_id, count(*), sum((data->>'by')::bigint)::bigint from events
             where type = '{TestEvents.Incremented}' and {where}
             group by tenant_id, stream_id order by tenant_id, stream_id
            """);
        return await ReadTotalsAsync(command);
    }

    private static async Task<List<StreamTotal>> ReadTotalsAsync(NpgsqlCommand command)
    {
        var totals = new List<StreamTotal>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            totals.Add(new StreamTotal(reader.GetGuid(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3)));
        return totals;
    }
}

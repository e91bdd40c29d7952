using Npgsql;
using NpgsqlTypes;
using Platform.Projections.Daemon;
using Platform.Projections.Tests.Support;
using Platform.Write.EventStore;

namespace Platform.Projections.Tests.Rebuild;

public sealed record StreamMaximum(Guid TenantId, string StreamId, long Count, long Sum, long Max);

/// <summary>
/// Version 2 of stream totals: different code that also keeps each stream's largest increment, so its
/// table has another shape. Like version 1 it refuses an event that does not follow the stream's last
/// applied version, so nothing applied twice goes unnoticed.
/// </summary>
public sealed class StreamTotalsV2Projection(ApplyGate? gate = null) : IProjection
{
    public const string Id = "stream-totals.v2";
    public const string Table = "stream_totals_v2";

    public string Name => "stream-totals";

    public int Version => 2;

    public IReadOnlyCollection<string> EventTypes { get; } = [TestEvents.Incremented];

    public IReadOnlyCollection<string> Tables { get; } = ["stream_totals"];

    public async Task InitializeAsync(ProjectionContext context, CancellationToken ct)
    {
        await using var command = context.CreateCommand($"""
            create table if not exists {context.Table("stream_totals")} (
                tenant_id uuid not null, stream_id text not null, count bigint not null, sum bigint not null,
                max bigint not null, last_version bigint not null, primary key (tenant_id, stream_id))
            """);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        if (gate is not null) await gate.PassAsync(ct);
        var streams = events.GroupBy(e => (e.TenantId, e.StreamId)).ToList();
        var table = context.Table("stream_totals");
        await using var command = context.CreateCommand($"""
            insert into {table} as t (tenant_id, stream_id, count, sum, max, last_version)
            select u.tenant_id, u.stream_id, u.count, u.sum, u.max, u.last_version
              from unnest($1, $2, $3, $4, $5, $6) as u(tenant_id, stream_id, count, sum, max, last_version)
             where u.last_version = u.count
                or exists (select 1 from {table} x where x.tenant_id = u.tenant_id and x.stream_id = u.stream_id)
            on conflict (tenant_id, stream_id) do update
               set count = t.count + excluded.count, sum = t.sum + excluded.sum, max = greatest(t.max, excluded.max),
                   last_version = excluded.last_version
             where t.last_version = excluded.last_version - excluded.count
            """);
        command.Parameters.Add(new() { Value = streams.Select(s => s.Key.TenantId).ToArray() });
        command.Parameters.Add(new() { Value = streams.Select(s => s.Key.StreamId).ToArray() });
        command.Parameters.Add(new() { Value = streams.Select(s => (long)s.Count()).ToArray() });
        command.Parameters.Add(new() { Value = streams.Select(s => s.Sum(e => (long)StreamTotals.By(e))).ToArray() });
        command.Parameters.Add(new() { Value = streams.Select(s => s.Max(e => (long)StreamTotals.By(e))).ToArray() });
        command.Parameters.Add(new() { Value = streams.Select(s => s.Max(e => e.Version)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        var applied = await command.ExecuteNonQueryAsync(ct);
        if (applied != streams.Count)
            throw new InvalidOperationException($"{streams.Count - applied} streams did not continue from their last applied version.");
    }

    public static async Task<List<StreamMaximum>> ReadAsync(NpgsqlDataSource dataSource, string relation) =>
        await ReadMaximaAsync(dataSource, $"select tenant_id, stream_id, count, sum, max from {relation} order by tenant_id, stream_id");

    /// <summary>The same rows straight from the events table.</summary>
    public static async Task<List<StreamMaximum>> RecomputeAsync(NpgsqlDataSource dataSource) =>
        await ReadMaximaAsync(dataSource, $"""
            select tenant_id, stream_id, count(*), sum((data->>'by')::bigint)::bigint, max((data->>'by')::bigint) from events
             where type = '{TestEvents.Incremented}' group by tenant_id, stream_id order by tenant_id, stream_id
            """);

    private static async Task<List<StreamMaximum>> ReadMaximaAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<StreamMaximum>();
        while (await reader.ReadAsync())
            rows.Add(new StreamMaximum(reader.GetGuid(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
        return rows;
    }
}

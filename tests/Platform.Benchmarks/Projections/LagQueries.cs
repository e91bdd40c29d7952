using System.Globalization;
using Npgsql;

namespace Platform.Benchmarks.Projections;

/// <summary>
/// Every lag event's lag, from commit timestamps (track_commit_timestamp on). An event row's xmin is
/// its append. Each lag event starts a stream of its own, so its read-model row is written once, by
/// the transaction that applied exactly that event: that row's xmin is the apply. Both stamps are
/// taken at the same point of a commit, just before its WAL flush, so the append's flush is counted
/// and the apply's is not: off by one fsync (about 0.1 ms here), with no polling interval, no
/// client clock and no extra write in the projection to distort it.
/// </summary>
internal static class LagQueries
{
    private static readonly string Lags = $"""
        with lag as (
            select e.stream_id, e.position, e.transaction_id, t.xmin as tx,
                   pg_xact_commit_timestamp(e.xmin) as appended, pg_xact_commit_timestamp(t.xmin) as applied
              from events e join {StreamTotalsProjection.Table} t on t.tenant_id = e.tenant_id and t.stream_id = e.stream_id
             where e.stream_id like '{SteadyWriters.StreamPrefix}%' and t.events = 1),
        ms as (select lag.*, (extract(epoch from applied - appended) * 1000)::float8 as ms from lag)
        """;

    private static readonly string SummarySql = Lags + """
        select count(*), percentile_cont(0.5) within group (order by ms), percentile_cont(0.95) within group (order by ms),
               percentile_cont(0.99) within group (order by ms), max(ms), count(distinct tx::text)
          from ms
        """;

    // Where a tail comes from: the slowest events, when in the run they were appended, and how many
    // events their apply transaction carried.
    private static readonly string SlowestSql = Lags + """
        select stream_id, position, transaction_id::text, ms,
               (extract(epoch from appended - (select min(appended) from lag)) * 1000)::float8,
               (select count(*) from lag l where l.tx::text = ms.tx::text)
          from ms order by ms desc limit 5
        """;

    public static async Task<LagResult> SummarizeAsync(NpgsqlDataSource dataSource, SteadyLoad load, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(SummarySql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var result = new LagResult(
            load, reader.GetInt64(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4), reader.GetInt64(5));
        return result.Events == load.Appended
            ? result
            : throw new InvalidOperationException($"{result.Events:N0} of {load.Appended:N0} lag events have a read-model row of their own.");
    }

    public static async Task WriteSlowestAsync(NpgsqlDataSource dataSource, TextWriter log, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(SlowestSql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"lag: slowest {reader.GetString(0)} (position {reader.GetInt64(1)}, xid {reader.GetString(2)}) {reader.GetDouble(3):F1} ms, " +
                $"appended at +{reader.GetDouble(4):F0} ms, applied in a transaction of {reader.GetInt64(5)} events"));
        }
    }
}

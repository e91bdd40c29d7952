using System.Globalization;
using Npgsql;

namespace Platform.Benchmarks.Common;

/// <summary>
/// pg_stat_statements over a case's measured rounds (--profile), nested statements included, so
/// the time inside append_events shows up statement by statement.
/// </summary>
internal sealed class StatementProfile(NpgsqlDataSource dataSource)
{
    public static IReadOnlyDictionary<string, string> ServerSettings { get; } = new Dictionary<string, string>
    {
        ["shared_preload_libraries"] = "pg_stat_statements",
        ["pg_stat_statements.track"] = "all",
        ["track_functions"] = "all",
    };

    public async Task InstallAsync(CancellationToken ct) =>
        await Execute("create extension if not exists pg_stat_statements", ct);

    public async Task ResetAsync(CancellationToken ct)
    {
        await Execute("select pg_stat_statements_reset()", ct);
        await Execute("select pg_stat_reset()", ct);
    }

    public async Task ReportAsync(string caseName, TextWriter log, CancellationToken ct)
    {
        log.WriteLine($"{caseName}: top statements (all rounds, both sides)");
        log.WriteLine("      calls   total ms  mean ms      rows  wal bytes  query");
        await using var command = dataSource.CreateCommand("""
            select calls, total_exec_time, mean_exec_time, rows, wal_bytes,
                   regexp_replace(left(query, 110), '\s+', ' ', 'g')
              from pg_stat_statements
             where query not like '%pg_stat%' and dbid = (select oid from pg_database where datname = current_database())
             order by total_exec_time desc limit 15
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{reader.GetInt64(0),11:N0} {reader.GetDouble(1),10:N0} {reader.GetDouble(2),8:N3} {reader.GetInt64(3),9:N0} {reader.GetDecimal(4),10:N0}  {reader.GetString(5)}"));
        }
        await reader.CloseAsync();

        await using var functions = dataSource.CreateCommand(
            "select funcname, calls, total_time, self_time from pg_stat_user_functions order by total_time desc");
        await using var rows = await functions.ExecuteReaderAsync(ct);
        while (await rows.ReadAsync(ct))
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  function {rows.GetString(0)}: {rows.GetInt64(1):N0} calls, {rows.GetDouble(2):N0} ms total, {rows.GetDouble(3):N0} ms self"));
        }
    }

    private async Task Execute(string sql, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(ct);
    }
}

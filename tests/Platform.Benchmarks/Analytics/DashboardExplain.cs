using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Platform.Read.Analytics;
using Platform.Read.Tenancy;

namespace Platform.Benchmarks.Analytics;

/// <summary>
/// For a variant that misses the target: EXPLAIN (ANALYZE, BUFFERS) of each of the dashboard's statements for its
/// period, as the tenant (row-level security on), to stderr. The statements are read from the query's own
/// constants, so the plans are of the SQL the endpoint runs.
/// </summary>
internal static class DashboardExplain
{
    public static async Task WriteAsync(IServiceProvider services, Guid tenantId, DateOnly from, DateOnly to, TextWriter log, CancellationToken ct)
    {
        var reads = services.GetRequiredService<TenantReads>();
        var statements = typeof(GetSalesDashboard).Assembly.GetType("Platform.Read.Analytics.DashboardSql")!
            .GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).ToList();
        foreach (var statement in statements)
        {
            var sql = ((string)statement.GetRawConstantValue()!).Replace("@tenant", "$1", StringComparison.Ordinal)
                .Replace("@from", "$2", StringComparison.Ordinal).Replace("@to", "$3", StringComparison.Ordinal);
            var plan = await reads.QueryAsync(tenantId, async (connection, transaction) =>
            {
                await using var command = new Npgsql.NpgsqlCommand($"explain (analyze, buffers) {sql}", connection, transaction);
                foreach (var value in new object[] { tenantId, from, to }) command.Parameters.Add(new() { Value = value });
                await using var reader = await command.ExecuteReaderAsync(ct);
                var lines = new List<string>();
                while (await reader.ReadAsync(ct)) lines.Add(reader.GetString(0));
                return lines;
            }, ct);
            await log.WriteLineAsync($"-- {statement.Name} from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}");
            foreach (var line in plan) await log.WriteLineAsync(line);
        }
    }
}

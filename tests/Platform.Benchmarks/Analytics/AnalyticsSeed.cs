using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Api.Demo.History;
using Platform.Benchmarks.Search;
using Platform.Write.EventStore;
using Platform.Write.Leads;

namespace Platform.Benchmarks.Analytics;

/// <summary>
/// One dealership with two years of generated sales history (about <c>leads</c> leads), appended backdated
/// through the bulk path, and the projections caught up: the dashboard's whole-history figures equal the history's.
/// </summary>
internal static class AnalyticsSeed
{
    private const int Days = 730;

    // The generator's weekday weights average 0.92 and its growth 1.0: leads per average weekday for the target.
    private const double LeadsPerLeadPerDay = 1 / (Days * 0.921);

    public static async Task<(Guid TenantId, HttpClient Client)> CreateAsync(SearchHost host, NpgsqlDataSource system, int leads, TextWriter log, CancellationToken ct)
    {
        var (tenantId, token) = await host.RegisterAsync("analytics-bench", "Autos Analítica", ct);
        await HistorySalesTeam.EnsureAsync(system, tenantId, 6, ct);
        var tenant = await HistoryTenant.LoadAsync(system, host.Services.GetRequiredService<EventReader>(), tenantId, ct);
        var clock = Stopwatch.StartNew();
        var history = SalesHistoryGenerator.Generate(tenant, new SalesHistoryOptions(DateTimeOffset.UtcNow.AddMinutes(-1), Days, leads * LeadsPerLeadPerDay, Seed: 2026));
        var generated = clock.Elapsed;
        await new SalesHistoryWriter(host.Services.GetRequiredService<BulkAppender>()).AppendAsync(tenantId, history.Events, ct: ct);
        var appended = clock.Elapsed;
        log.WriteLine($"history:    {history.Leads:N0} leads, {history.Opportunities:N0} opportunities, {history.Events.Count:N0} events over {Days} days");
        log.WriteLine($"            generated in {generated.TotalSeconds:F1} s, appended in {(appended - generated).TotalSeconds:F1} s " +
            $"({history.Events.Count / (appended - generated).TotalSeconds:N0} events/s)");

        var client = new HttpClient { BaseAddress = host.Client.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var created = history.Events.Count(e => e.Data is LeadCreated);
        var first = history.Events[0].At.UtcDateTime.AddDays(-1);
        var path = $"/api/analytics/dashboard?from={first:yyyy-MM-dd}&to={DateTime.UtcNow.AddDays(1):yyyy-MM-dd}";
        while (await LeadsAsync(client, path, ct) != created)
        {
            if (clock.Elapsed - appended > TimeSpan.FromMinutes(20)) throw new TimeoutException("The projections did not catch up in 20 minutes.");
            await Task.Delay(250, ct);
        }
        log.WriteLine($"            the dashboard's projection caught up {(clock.Elapsed - appended).TotalSeconds:F1} s after the last append");
        // Every other projection and the audit chain's sealer too, so none of them competes with the measured requests.
        while (await BehindAsync(system, ct) is { } behind and not "")
        {
            if (clock.Elapsed - appended > TimeSpan.FromMinutes(30)) throw new TimeoutException($"Still behind after 30 minutes: {behind}.");
            await Task.Delay(1_000, ct);
        }
        log.WriteLine($"            every projection and the chain sealer caught up {(clock.Elapsed - appended).TotalSeconds:F1} s after the last append");
        // What autovacuum would do after a bulk load, done now rather than in the middle of the measured requests.
        await using (var vacuum = system.CreateCommand("vacuum (analyze)"))
        {
            vacuum.CommandTimeout = 0;
            await vacuum.ExecuteNonQueryAsync(ct);
        }
        return (tenantId, client);
    }

    private const string BehindSql = """
        select coalesce(string_agg(g.projection, ', '), '')
          from projection_generations g left join projection_checkpoints c on c.projection = g.projection
         where g.retired_at is null
           and exists (select 1 from events e where e.type = any(g.event_types)
                          and (e.transaction_id, e.position) > (coalesce(c.transaction_id, '0'::xid8), coalesce(c.position, 0)))
        union all
        select case when exists (select 1 from events e, event_chain_sealer s where (e.transaction_id, e.position) > (s.transaction_id, s.position))
                    then 'event chain sealer' else '' end
        """;

    /// <summary>What is still behind the last event, or empty when nothing is.</summary>
    private static async Task<string> BehindAsync(NpgsqlDataSource system, CancellationToken ct)
    {
        await using var command = system.CreateCommand(BehindSql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var behind = new List<string>();
        while (await reader.ReadAsync(ct)) if (reader.GetString(0) is { Length: > 0 } names) behind.Add(names);
        return string.Join(", ", behind);
    }

    private static async Task<long> LeadsAsync(HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("leads").GetInt64();
    }
}

using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Projections.Daemon;
using Platform.Testing;

namespace Platform.Api.Tests.Privacy;

/// <summary>What the forgetting tests share: a host whose every log line is captured, the forget request, a full rebuild.</summary>
internal static class PrivacyRequests
{
    public static Task<ApiHost> StartAsync(DatabaseFixture database, LogCapture logs) => ApiHost.StartAsync(
        services => services.AddSingleton<ILoggerProvider>(logs),
        $"--ConnectionStrings:Platform={database.ConnectionString}", "--Logging:LogLevel:Default=Trace",
        $"--Platform:Privacy:MasterKey={Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}");

    public static string Canary() => $"canario{Guid.NewGuid():N}"[..20];

    /// <summary>A Colombian mobile number nobody else in the test run has, as typed (with a space).</summary>
    public static string Phone() => $"+57 3{RandomNumberGenerator.GetInt32(100_000_000, 999_999_999)}";

    public static Task<HttpResponseMessage> ForgetAsync(HttpClient client, Guid subject, string reason = "solicitud de supresión del titular") =>
        client.PostAsJsonAsync(new Uri($"/api/audit/subjects/{subject}/forget", UriKind.Relative), new { reason });

    public static async Task RebuildEveryProjectionAsync(ApiHost host)
    {
        var operations = host.Services.GetRequiredService<ProjectionOperations>();
        var projections = host.Services.GetRequiredService<ProjectionCatalog>().All;
        projections.Should().NotBeEmpty();
        // Reactors keep no tables and refuse a rebuild (it would only send their commands again).
        foreach (var projection in projections.Where(p => p.Tables.Length > 0))
        {
            var request = await operations.RebuildAsync(projection.Name, "test:privacy");
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while ((await operations.GetRebuildAsync(request.Id))?.CompletedAt is null)
            {
                DateTime.UtcNow.Should().BeBefore(deadline, $"{projection.Name} rebuilds");
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Asserts no table and no captured log line holds any of the canaries.</summary>
    public static async Task ShouldLeaveNoTraceAsync(DatabaseFixture database, LogCapture logs, IEnumerable<string> canaries)
    {
        foreach (var canary in canaries)
        {
            (await DatabaseScan.TablesContainingAsync(database.DataSource, canary)).Should().BeEmpty(canary);
            logs.Lines.Where(l => l.Contains(canary, StringComparison.OrdinalIgnoreCase)).Should().BeEmpty(canary);
        }
        logs.Lines.Should().Contain(l => l.Contains("ForgetSubject", StringComparison.Ordinal), "the capture sees the host's logs");
    }
}

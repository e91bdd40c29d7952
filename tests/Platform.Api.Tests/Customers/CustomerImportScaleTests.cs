using System.Diagnostics;
using System.Globalization;
using System.Text;
using Platform.Api.Tests.Auth;
using Xunit.Abstractions;

namespace Platform.Api.Tests.Customers;

/// <summary>50,000 rows: imported in the background with visible progress, in bounded time and memory; then again, changing nothing.</summary>
public sealed class CustomerImportScaleTests(AuthApiFixture api, ITestOutputHelper output) : IClassFixture<AuthApiFixture>
{
    private const int Rows = 50_000;

    [Fact]
    public async Task Fifty_thousand_rows_import_with_progress_and_a_second_run_changes_nothing()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var file = Encoding.UTF8.GetBytes(Csv());
        var progress = new List<int>();
        var memoryBefore = Process.GetCurrentProcess().WorkingSet64;
        var allocatedBefore = GC.GetTotalAllocatedBytes();

        var clock = Stopwatch.StartNew();
        var status = await CustomerImports.RunAsync(client, file, dryRun: false, seen: s => progress.Add(s.GetProperty("processedRows").GetInt32()));
        var firstRun = clock.Elapsed;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;

        status.GetProperty("status").GetString().Should().Be("completed");
        var counts = CustomerImports.Counts(status);
        counts.Should().Equal(new Dictionary<string, int> { ["new"] = 45_000, ["merged"] = 4_500, ["skipped"] = 0, ["invalid"] = 500 });
        progress.Should().Contain(p => p > 0 && p < Rows, "progress is visible while the import runs");
        progress.Should().BeInAscendingOrder();
        (await api.ScalarAsync<long>("select count(*) from customers where tenant_id = $1", owner.TenantId)).Should().Be(45_000);

        var events = await api.ScalarAsync<long>("select count(*) from events where tenant_id = $1", owner.TenantId);
        clock.Restart();
        var again = await CustomerImports.RunAsync(client, file, dryRun: false);
        var secondRun = clock.Elapsed;
        CustomerImports.Counts(again).Should().Equal(new Dictionary<string, int> { ["new"] = 0, ["merged"] = 0, ["skipped"] = 49_500, ["invalid"] = 500 });
        (await api.ScalarAsync<long>("select count(*) from events where tenant_id = $1", owner.TenantId)).Should().Be(events);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Rows} rows, {file.Length / 1024} KiB: first run {firstRun.TotalSeconds:F1} s, second run {secondRun.TotalSeconds:F1} s; " +
            $"test process working set {memoryBefore / 1048576} MiB before, peak {peak / 1048576} MiB; {allocated / 1048576} MiB allocated during the first run; " +
            $"{progress.Count} progress reads"));
        firstRun.Should().BeLessThan(TimeSpan.FromMinutes(3));
    }

    /// <summary>Every tenth row is an earlier person again with a new phone (merged); every hundredth has a bad phone and no e-mail (invalid).</summary>
    private static string Csv()
    {
        var csv = new StringBuilder("Nombre;Teléfono;Correo;Ciudad\n");
        for (var i = 1; i <= Rows; i++)
        {
            if (i % 100 == 0) csv.Append(CultureInfo.InvariantCulture, $"Cliente {i};12;;Bogotá\n");
            else if (i % 10 == 0) csv.Append(CultureInfo.InvariantCulture, $"Cliente {i - 5};310 {i:D7};cliente{i - 5}@example.test;Cali\n");
            else csv.Append(CultureInfo.InvariantCulture, $"Cliente {i};300 {i:D7};cliente{i}@example.test;Medellín\n");
        }
        return csv.ToString();
    }
}

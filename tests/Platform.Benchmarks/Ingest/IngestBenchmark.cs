using System.Globalization;
using Platform.Benchmarks.Common;
using Platform.Write.Storage;

namespace Platform.Benchmarks.Ingest;

/// <summary>
/// Device readings from MQTT to committed events against what the broker alone delivers, on a
/// private PostgreSQL (full durability) and the host's own embedded mosquitto: in every round the
/// broker's ceiling (mosquitto_pub to mosquitto_sub, QoS 1, the same payloads) and ours (simulated
/// devices on our client, the ingest worker storing and acking), the side going first alternating.
/// </summary>
internal static class IngestBenchmark
{
    public const string Scenario = "ingest";
    public const int Devices = 50;
    private const string Database = "ingest";

    public static async Task<int> RunAsync(BenchmarkArguments args, CancellationToken ct)
    {
        if (args.Cases is not null || args.FromEmpty) throw new UsageException($"{Scenario} has no --cases or --from-empty.");
        var perDevice = args.Scale(2_000);
        var settings = args.Profile ? StatementProfile.ServerSettings : new Dictionary<string, string>();
        await using var cluster = await BenchmarkCluster.StartAsync(settings, ct);
        await cluster.Postgres.CreateDatabaseAsync(Database, ct);
        var connectionString = cluster.Postgres.ConnectionString(Database);
        await using var system = PlatformDataSource.Create(connectionString);
        await MachineInfo.WriteAsync(system, Console.Out, ct);

        // Not a private temp folder: the broker drops to its own user and must reach its files.
        var folder = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"platform-bench-broker-{Environment.ProcessId}-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(folder);
        IngestResults results;
        try
        {
            await using var host = await IngestHost.StartAsync(connectionString, cluster.Postgres.DataDirectory, folder, ct);
            var token = await host.RegisterTenantAsync("frigorificos-bench", ct);
            var accounts = await host.RegisterDevicesAsync(token, Devices + 1, ct);
            var devices = new List<BenchDevice>();
            try
            {
                // The broker's files are rewritten whole from the registry: once the last account works, all do.
                await (await BenchDevice.ConnectAsync(accounts[^1], host.BrokerPort, ct)).DisposeAsync();
                foreach (var account in accounts.Take(Devices)) devices.Add(await BenchDevice.ConnectAsync(account, host.BrokerPort, ct));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"load:       {Devices} devices registered through the API, {perDevice:N0} QoS 1 readings each per round " +
                    $"({Devices * perDevice:N0}), outbox {BenchDevice.Outbox}; payload {ReadingPayload.Of(1, 1000, 1_767_225_600_000).Length} bytes; " +
                    $"ceiling: the same number of messages, mosquitto_pub -l to mosquitto_sub"));
                results = await MeasureAsync(args, host, accounts[^1], devices, system, perDevice, ct);
            }
            finally
            {
                foreach (var device in devices) await device.DisposeAsync();
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        // Once the host has stopped: its shutdown logs must not come after the JSON line.
        IngestReport.Write(results, args.Rounds, Console.Out);
        return 0;
    }

    private static async Task<IngestResults> MeasureAsync(
        BenchmarkArguments args, IngestHost host, BenchAccount reader, List<BenchDevice> devices,
        Npgsql.NpgsqlDataSource system, int perDevice, CancellationToken ct)
    {
        var ceiling = new BrokerCeiling(host, reader);
        var meter = new CpuMeter(host.BrokerPidFile, host.PostgresDataDirectory);
        var total = devices.Count * perDevice;
        var log = Console.Error;
        // Ours gets a whole round: under load the JIT's tiering (and its background recompiles) takes that long to settle.
        log.WriteLine($"{Scenario}: warm-up ({total / 10:N0} messages of the ceiling, {total:N0} readings of ours)");
        await ceiling.MeasureAsync(total / 10, boot: 1, ct);
        await IngestRound.RunAsync(devices, boot: 1, perDevice, system, ct);

        StatementProfile? profile = null;
        if (args.Profile)
        {
            profile = new StatementProfile(system);
            await profile.InstallAsync(ct);
            await profile.ResetAsync(ct);
        }
        var ceilings = new List<double>();
        var ours = new List<IngestRound>();
        var ceilingCpu = new List<CpuUse>();
        var oursCpu = new List<CpuUse>();
        for (var round = 1; round <= args.Rounds; round++)
        {
            var boot = round + 1;
            foreach (var ceilingFirst in round % 2 == 1 ? new[] { true, false } : [false, true])
            {
                if (ceilingFirst)
                {
                    var before = meter.Read();
                    ceilings.Add(await ceiling.MeasureAsync(total, boot, ct));
                    ceilingCpu.Add(meter.Read() - before);
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Scenario}: round {round}/{args.Rounds} ceiling {ceilings[^1],10:N0} msg/s"));
                }
                else
                {
                    var before = meter.Read();
                    ours.Add(await IngestRound.RunAsync(devices, boot, perDevice, system, ct));
                    oursCpu.Add(meter.Read() - before);
                    var r = ours[^1];
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{Scenario}: round {round}/{args.Rounds} ours    {r.Rate,10:N0} readings/s  p50 {r.P50:F1} ms  p95 {r.P95:F1} ms  p99 {r.P99:F1} ms"));
                }
            }
        }
        if (profile is not null) await profile.ReportAsync(Scenario, log, ct);
        return new IngestResults(ceilings, ours, ceilingCpu, oursCpu, total);
    }
}

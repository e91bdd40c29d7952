using System.Diagnostics;
using Npgsql;

namespace Platform.Benchmarks.Ingest;

/// <summary>One round of ours: readings committed per second, and publish-to-ack percentiles in milliseconds.</summary>
internal sealed record IngestRound(int Readings, double Seconds, double P50, double P95, double P99)
{
    public double Rate => Readings / Seconds;

    /// <summary>
    /// Every device publishes <paramref name="perDevice"/> readings of boot <paramref name="boot"/> at
    /// once; the round ends when the last ack arrives (each ack follows its batch's commit). What was
    /// stored is then counted in the events table: a round that stored less than it published fails.
    /// </summary>
    public static async Task<IngestRound> RunAsync(
        IReadOnlyList<BenchDevice> devices, long boot, int perDevice, NpgsqlDataSource system, CancellationToken ct)
    {
        var tenant = devices[0].Account.TenantId;
        var before = await CountAsync(system, tenant, ct);
        var clock = Stopwatch.StartNew();
        var rounds = await Task.WhenAll(devices.Select(d => d.RunAsync(boot, perDevice, ct)));
        var seconds = clock.Elapsed.TotalSeconds;
        var stored = await CountAsync(system, tenant, ct) - before;
        var expected = devices.Count * perDevice;
        if (stored != expected) throw new InvalidOperationException($"Round of boot {boot} stored {stored:N0} readings instead of {expected:N0}.");

        var latencies = rounds.SelectMany(r => r.Latencies).Order().ToArray();
        return new IngestRound(expected, seconds, Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99));
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static async Task<long> CountAsync(NpgsqlDataSource system, Guid tenant, CancellationToken ct)
    {
        await using var command = system.CreateCommand("select count(*) from events where tenant_id = $1 and type = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        command.Parameters.Add(new NpgsqlParameter { Value = Write.Devices.Readings.EventName });
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}

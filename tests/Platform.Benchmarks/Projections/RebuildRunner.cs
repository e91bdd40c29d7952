using System.Globalization;
using Npgsql;
using Platform.Benchmarks.Common;
using Platform.Write.Storage;

namespace Platform.Benchmarks.Projections;

/// <summary>
/// Rebuilds at one batch size: a warm-up of each side on the small template, then rounds of ours
/// and raw, each on its own fresh copy of the full template, the side going first alternating.
/// Every run must leave every event counted once and every amount summed, or it does not score.
/// </summary>
internal sealed class RebuildRunner(LocalPostgres postgres, EventsSeed full, EventsSeed warmup, int rounds, TextWriter log)
{
    public const double Target = 0.7;
    private static readonly Side[] OursFirst = [Side.Ours, Side.Raw];
    private static readonly Side[] RawFirst = [Side.Raw, Side.Ours];
    private int copies;

    public static string CaseName(int batchSize) => string.Create(CultureInfo.InvariantCulture, $"rebuild-{batchSize}");

    public async Task<CaseResult> RunAsync(int batchSize, CancellationToken ct)
    {
        var name = CaseName(batchSize);
        log.WriteLine($"{name}: warm-up ({warmup.Events:N0} events a side)");
        foreach (var side in OursFirst) await MeasureAsync(side, warmup, batchSize, ct);

        var ours = new List<double>();
        var raw = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var side in round % 2 == 1 ? OursFirst : RawFirst)
            {
                var rate = await MeasureAsync(side, full, batchSize, ct);
                (side == Side.Ours ? ours : raw).Add(rate);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: round {round}/{rounds} {side,-4} {rate,10:N0} ev/s"));
            }
        }
        return new CaseResult(name, Median.Of(ours), Median.Of(raw), Target, ours, raw);
    }

    private async Task<double> MeasureAsync(Side side, EventsSeed template, int batchSize, CancellationToken ct)
    {
        await using var copy = await DatabaseCopy.CreateAsync(postgres, template.Database, $"run{++copies}", ct);
        var elapsed = side == Side.Ours
            ? await DaemonRebuild.RunAsync(copy.ConnectionString, batchSize, template.Events, ct)
            : await RawRebuild.RunAsync(copy.ConnectionString, batchSize, ct);
        await VerifyAsync(copy.ConnectionString, template, side, ct);
        return template.Events / elapsed.TotalSeconds;
    }

    private static async Task VerifyAsync(string connectionString, EventsSeed template, Side side, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(StreamTotalsSql.Check(StreamTotalsProjection.Table), connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var (events, total) = (reader.GetInt64(0), reader.GetDecimal(1));
        if (events != template.Events || total != template.Total)
            throw new InvalidOperationException(
                $"{side} built {events:N0} events totalling {total} instead of {template.Events:N0} totalling {template.Total}.");
    }
}

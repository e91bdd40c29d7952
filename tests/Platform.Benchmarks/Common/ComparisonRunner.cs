using System.Diagnostics;
using System.Globalization;

namespace Platform.Benchmarks.Common;

/// <summary>
/// Measures a case: a warm-up of each side, then rounds of ours and raw from empty tables, the
/// side going first alternating between rounds so drift (WAL recycling, caches, a neighbour on
/// the machine) falls on both sides alike.
/// </summary>
internal sealed class ComparisonRunner(int rounds, IBenchmarkTables tables, TextWriter log, StatementProfile? profile = null)
{
    private static readonly Side[] OursFirst = [Side.Ours, Side.Raw];
    private static readonly Side[] RawFirst = [Side.Raw, Side.Ours];

    public async Task<CaseResult> RunAsync(Comparison comparison, CancellationToken ct)
    {
        log.WriteLine($"{comparison.Name}: warm-up ({comparison.WarmupEvents:N0} events a side)");
        foreach (var side in OursFirst)
        {
            await tables.ResetAsync(ct);
            await comparison.RunAsync(side, comparison.WarmupEvents, ct);
        }
        if (profile is not null) await profile.ResetAsync(ct);

        var ours = new List<double>();
        var raw = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var side in round % 2 == 1 ? OursFirst : RawFirst)
            {
                var rate = await MeasureAsync(comparison, side, ct);
                (side == Side.Ours ? ours : raw).Add(rate);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{comparison.Name}: round {round}/{rounds} {side,-4} {rate,10:N0} ev/s"));
            }
        }
        if (profile is not null) await profile.ReportAsync(comparison.Name, log, ct);
        return new CaseResult(comparison.Name, Median.Of(ours), Median.Of(raw), comparison.Target, ours, raw);
    }

    private async Task<double> MeasureAsync(Comparison comparison, Side side, CancellationToken ct)
    {
        await tables.ResetAsync(ct);
        var clock = Stopwatch.StartNew();
        await comparison.RunAsync(side, comparison.Events, ct);
        var seconds = clock.Elapsed.TotalSeconds;
        var stored = await tables.CountAsync(side, ct);
        if (stored != comparison.Events)
            throw new InvalidOperationException($"{comparison.Name}/{side} stored {stored} events instead of {comparison.Events}.");
        return comparison.Events / seconds;
    }
}

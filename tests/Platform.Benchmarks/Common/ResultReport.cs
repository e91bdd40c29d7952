using System.Globalization;
using System.Text.Json;

namespace Platform.Benchmarks.Common;

/// <summary>The results as a table for people, then one JSON line (always the last line on stdout) for scripts.</summary>
internal static class ResultReport
{
    public static void Write(string scenario, IReadOnlyList<CaseResult> results, int rounds, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scenario}: median of {rounds} rounds, events per second"));
        output.WriteLine($"{"case",-12} {"ours ev/s",12} {"raw ev/s",12} {"ratio",7} {"target",8}  met   rounds ours | raw");
        foreach (var r in results)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Name,-12} {r.Ours,12:N0} {r.Raw,12:N0} {r.Ratio,7:F3} {">= " + r.Target.ToString("F1", CultureInfo.InvariantCulture),8}  " +
                $"{(r.MeetsTarget ? "yes" : "NO"),-4}  {Rounds(r.OursRounds)} | {Rounds(r.RawRounds)}"));
        }

        var json = new
        {
            scenario,
            cases = results.Select(r => new
            {
                name = r.Name,
                ours = Math.Round(r.Ours),
                raw = Math.Round(r.Raw),
                ratio = Math.Round(r.Ratio, 3),
            }),
        };
        output.WriteLine(JsonSerializer.Serialize(json));
    }

    private static string Rounds(IReadOnlyList<double> rates) =>
        string.Join(' ', rates.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)));
}

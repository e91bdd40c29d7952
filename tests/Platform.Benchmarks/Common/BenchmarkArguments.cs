using System.Globalization;

namespace Platform.Benchmarks.Common;

/// <summary>The options every scenario understands, parsed from what follows the scenario's name.</summary>
internal sealed record BenchmarkArguments(int Rounds, IReadOnlySet<string>? Cases, bool Quick, bool Profile, bool FromEmpty, string Chain = "none")
{
    // Fewer than three rounds gives no median worth the name on a noisy machine.
    public const int MinRounds = 3;

    public const string Usage =
        "options: --rounds N (at least 3, default 3)  --cases a,b  --quick (10x smaller)  " +
        "--profile (pg_stat_statements per case, to stderr)  --from-empty (no seeded history: truncated, never-analyzed tables)  " +
        "--chain none|append|sealer (append: the hash chain linked in the append's transaction under a per-tenant lock; sealer: the chain sealer running beside the writers)";

    /// <summary>The full-size count, or a tenth of it for a smoke run.</summary>
    public int Scale(int full) => Quick ? full / 10 : full;

    public bool Includes(string name) => Cases is null || Cases.Contains(name);

    public static BenchmarkArguments Parse(IReadOnlyList<string> args)
    {
        var rounds = MinRounds;
        HashSet<string>? cases = null;
        var quick = false;
        var profile = false;
        var fromEmpty = false;
        var chain = "none";
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--rounds":
                    if (!int.TryParse(ValueOf(args, ref i), NumberStyles.None, CultureInfo.InvariantCulture, out rounds) || rounds < MinRounds)
                        throw new UsageException($"--rounds needs a whole number of at least {MinRounds}.");
                    break;
                case "--cases":
                    cases = new HashSet<string>(
                        ValueOf(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                        StringComparer.OrdinalIgnoreCase);
                    break;
                case "--quick":
                    quick = true;
                    break;
                case "--profile":
                    profile = true;
                    break;
                case "--from-empty":
                    fromEmpty = true;
                    break;
                case "--chain":
                    chain = ValueOf(args, ref i);
                    if (chain is not ("none" or "append" or "sealer")) throw new UsageException("--chain is none, append or sealer.");
                    break;
                default:
                    throw new UsageException($"Unknown option '{args[i]}'.");
            }
        }
        return new BenchmarkArguments(rounds, cases, quick, profile, fromEmpty, chain);
    }

    private static string ValueOf(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new UsageException($"{args[i - 1]} needs a value.");
}

using System.Runtime.InteropServices;
using Platform.Benchmarks.Analytics;
using Platform.Benchmarks.Append;
using Platform.Benchmarks.Common;
using Platform.Benchmarks.Ingest;
using Platform.Benchmarks.Projections;
using Platform.Benchmarks.Search;

// Scenarios by name; later ones (analytics, ...) are added here.
var scenarios = new Dictionary<string, Func<BenchmarkArguments, CancellationToken, Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    [AppendBenchmark.Scenario] = AppendBenchmark.RunAsync,
    [ProjectionsBenchmark.Scenario] = ProjectionsBenchmark.RunAsync,
    [SearchBenchmark.Scenario] = SearchBenchmark.RunAsync,
    [IngestBenchmark.Scenario] = IngestBenchmark.RunAsync,
    [AnalyticsBenchmark.Scenario] = AnalyticsBenchmark.RunAsync,
};

using var stopping = new CancellationTokenSource();
// Ctrl-C or SIGTERM cancels the run, so the cluster is still stopped and its folder deleted;
// a second signal is left to kill the process.
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

try
{
    if (args.Length == 0 || !scenarios.TryGetValue(args[0], out var scenario))
        throw new UsageException(args.Length == 0 ? "Which scenario?" : $"Unknown scenario '{args[0]}'.");
    return await scenario(BenchmarkArguments.Parse(args[1..]), stopping.Token);
}
catch (UsageException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine($"usage: dotnet run -c Release --project tests/Platform.Benchmarks -- <{string.Join('|', scenarios.Keys)}> [options]");
    Console.Error.WriteLine(BenchmarkArguments.Usage);
    return 2;
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested)
{
    Console.Error.WriteLine("Cancelled; the benchmark cluster was stopped and removed.");
    return 130;
}

void Stop(PosixSignalContext context)
{
    if (stopping.IsCancellationRequested) return;
    context.Cancel = true;
    stopping.Cancel();
}

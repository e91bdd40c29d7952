using System.Diagnostics;
using Npgsql;
using Platform.Write.Audit;

namespace Platform.Benchmarks.Append;

/// <summary>The chain sealer running beside the writers for the whole scenario, as a host runs it; counts what it sealed and how long it was busy.</summary>
internal sealed class SealerLoop : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private readonly Stopwatch busy = new();

    public SealerLoop(NpgsqlDataSource dataSource)
    {
        var sealer = new EventChainSealer(dataSource, new AuditOptions());
        loop = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    busy.Start();
                    var count = await sealer.SealBatchAsync(stop.Token);
                    busy.Stop();
                    Sealed += count;
                    if (count == 0) await Task.Delay(20, stop.Token);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }
                catch (PostgresException)
                {
                    // A truncate between runs can cancel a seal; the next one starts over.
                    busy.Stop();
                }
            }
        });
    }

    public long Sealed { get; private set; }

    public TimeSpan Busy => busy.Elapsed;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }
}

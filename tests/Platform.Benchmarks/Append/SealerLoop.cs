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
    private readonly SemaphoreSlim gate = new(1, 1);

    public SealerLoop(NpgsqlDataSource dataSource)
    {
        var sealer = new EventChainSealer(dataSource, new AuditOptions());
        loop = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    int count;
                    await gate.WaitAsync(stop.Token);
                    try
                    {
                        busy.Start();
                        count = await sealer.SealBatchAsync(stop.Token);
                        busy.Stop();
                    }
                    finally
                    {
                        gate.Release();
                    }
                    Sealed += count;
                    if (count == 0) await Task.Delay(20, stop.Token);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }
                catch (PostgresException)
                {
                    // A failed seal changes nothing; the next one starts over.
                    busy.Stop();
                }
            }
        });
    }

    public long Sealed { get; private set; }

    /// <summary>Holds the sealer off while the tables are truncated and seeded (a truncate waiting behind a seal can deadlock with it).</summary>
    public async Task<IDisposable> PauseAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        return new Resume(gate);
    }

    private sealed class Resume(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }

    public TimeSpan Busy => busy.Elapsed;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
        gate.Dispose();
    }
}

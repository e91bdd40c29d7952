namespace Platform.Projections.Tests.Rebuild;

/// <summary>
/// Holds a projection's applies until opened, so a test can look at a build in progress. The first
/// batches pass, so the build shows progress. A held apply keeps its transaction open, which holds
/// back every reader's fence: open it well within the idle-transaction timeout.
/// </summary>
public sealed class ApplyGate(int passFirst = 1)
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _batches;

    public int Batches => Volatile.Read(ref _batches);

    public bool IsHolding => Batches > passFirst && !_open.Task.IsCompleted;

    public void Open() => _open.TrySetResult();

    public async Task PassAsync(CancellationToken ct)
    {
        if (Interlocked.Increment(ref _batches) > passFirst) await _open.Task.WaitAsync(ct);
    }
}

using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Write.EventStore;

/// <summary>
/// Wakes subscriptions when events are appended: at once inside this process, and through
/// LISTEN/NOTIFY across processes. NOTIFY is sent after commit and coalesced, because a NOTIFY
/// inside the appending transaction takes a cluster-wide lock until commit and would serialize
/// every writer's commit.
/// </summary>
public sealed class EventNotifier(NpgsqlDataSource dataSource, EventStoreOptions options, ILogger<EventNotifier> logger)
    : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource _signal = NewSignal();
    private long _generation;
    private int _notifyRequested;
    private int _senderRunning;
    private Task? _listener;

    /// <summary>Changes on every wake-up; read it before reading events, then pass it to <see cref="WaitAsync"/>.</summary>
    public long Generation => Volatile.Read(ref _generation);

    public void Appended()
    {
        Signal();
        Volatile.Write(ref _notifyRequested, 1);
        if (Interlocked.CompareExchange(ref _senderRunning, 1, 0) == 0) _ = Task.Run(SendNotificationsAsync);
    }

    /// <summary>Returns when something was appended after <paramref name="seenGeneration"/>, or after the timeout.</summary>
    public async Task WaitAsync(long seenGeneration, TimeSpan timeout, CancellationToken ct)
    {
        EnsureListening();
        var signal = Volatile.Read(ref _signal);
        if (Generation != seenGeneration) return;
        try
        {
            await signal.Task.WaitAsync(timeout, ct);
        }
        catch (TimeoutException)
        {
            // Polling fallback: the caller reads again.
        }
    }

    private void Signal()
    {
        Interlocked.Increment(ref _generation);
        Interlocked.Exchange(ref _signal, NewSignal()).TrySetResult();
    }

    private async Task SendNotificationsAsync()
    {
        do
        {
            while (Interlocked.Exchange(ref _notifyRequested, 0) == 1 && !_stopping.IsCancellationRequested)
            {
                try
                {
                    await using var command = dataSource.CreateCommand($"notify {options.NotificationChannel}");
                    await command.ExecuteNonQueryAsync(_stopping.Token);
                    // Appends during the pause share the next NOTIFY: one per interval at most, so a
                    // busy writer does not pay a second round trip for each append.
                    await Task.Delay(options.NotifyInterval, _stopping.Token);
                }
                catch (Exception error) when (error is NpgsqlException or OperationCanceledException)
                {
                    // Listeners fall back to polling; the next append notifies again.
                    logger.LogDebug(error, "Could not send the append notification");
                }
            }
            Volatile.Write(ref _senderRunning, 0);
        }
        while (Volatile.Read(ref _notifyRequested) == 1 && Interlocked.CompareExchange(ref _senderRunning, 1, 0) == 0);
    }

    private void EnsureListening()
    {
        if (Volatile.Read(ref _listener) is not null) return;
        lock (_stopping)
        {
            _listener ??= Task.Run(ListenAsync);
        }
    }

    private async Task ListenAsync()
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(_stopping.Token);
                connection.Notification += (_, _) => Signal();
                await using (var listen = new NpgsqlCommand($"listen {options.NotificationChannel}", connection))
                    await listen.ExecuteNonQueryAsync(_stopping.Token);
                delay = TimeSpan.FromMilliseconds(200);
                Signal(); // anything appended while we were not listening is picked up now
                while (!_stopping.IsCancellationRequested) await connection.WaitAsync(_stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (error is NpgsqlException or System.IO.IOException or TimeoutException)
            {
                logger.LogWarning(error, "Event notifications lost; polling until the listener reconnects");
                try { await Task.Delay(delay, _stopping.Token); }
                catch (OperationCanceledException) { return; }
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5_000));
            }
        }
    }

    private async Task SendFinalNotificationAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await using var command = dataSource.CreateCommand($"notify {options.NotificationChannel}");
            await command.ExecuteNonQueryAsync(timeout.Token);
        }
        catch (Exception error) when (error is NpgsqlException or OperationCanceledException or ObjectDisposedException)
        {
            logger.LogDebug(error, "Could not send the last append notification");
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        // A coalesced NOTIFY may still be waiting its turn: send it, or other processes would only
        // find this process's last appends at their next poll.
        if (Volatile.Read(ref _notifyRequested) == 1) await SendFinalNotificationAsync();
        await _stopping.CancelAsync();
        if (_listener is not null)
        {
            try { await _listener; } catch (OperationCanceledException) { }
        }
        _stopping.Dispose();
    }
}

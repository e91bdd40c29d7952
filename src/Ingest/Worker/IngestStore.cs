using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Ingest.Telemetry;
using Platform.Write.EventStore;

namespace Platform.Ingest.Worker;

/// <summary>
/// The worker's side of <see cref="ReadingIntake"/>: a database that is down or restarting is waited
/// for (the messages stay unacknowledged meanwhile), and a batch the store refuses is split so one
/// bad message cannot hold up the others.
/// </summary>
public sealed partial class IngestStore(ReadingIntake intake, IngestCounters counters, ILogger<IngestStore> logger)
{
    public async Task<IReadOnlyList<DeviceAck>> StoreAsync(IReadOnlyList<TelemetryItem> items, CancellationToken ct)
    {
        try
        {
            return await WhileDatabaseIsDownAsync(async () => (await intake.StoreAsync(items, ct)).Acks, ct);
        }
        catch (InvalidAppendException) when (items.Count > 1)
        {
            var acks = new List<DeviceAck>();
            foreach (var item in items) acks.AddRange(await StoreAsync([item], ct));
            return acks;
        }
        catch (InvalidAppendException error)
        {
            Unstorable(logger, items[0].DeviceId, error.Message);
            counters.Reject(RejectReasons.Unstorable);
            return [];
        }
    }

    /// <summary>
    /// The pipelined path: the batch is prepared at once, appended when <paramref name="turn"/> (the
    /// previous batch's append) has finished, so batches commit in arrival order, and
    /// <paramref name="appended"/> is signalled right after; the acks are worked out while the next
    /// batch is being appended. A batch the store refuses takes the splitting path, in its turn.
    /// </summary>
    public async Task<IReadOnlyList<DeviceAck>> StoreInTurnAsync(
        IReadOnlyList<TelemetryItem> items, Task turn, TaskCompletionSource appended, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(appended);
        try
        {
            PreparedBulk? prepared = null;
            try
            {
                prepared = intake.Prepare(items);
            }
            catch (InvalidAppendException)
            {
                // Stored one by one below, so only the unstorable message is left out.
            }
            await turn.WaitAsync(ct);
            if (prepared is null) return await StoreAsync(items, ct);
            try
            {
                await WhileDatabaseIsDownAsync(() => intake.AppendAsync(prepared, items, ct), ct);
            }
            catch (InvalidAppendException)
            {
                return await StoreAsync(items, ct);
            }
        }
        finally
        {
            appended.TrySetResult();
        }
        return await WhileDatabaseIsDownAsync(() => intake.AcknowledgeAsync(items, ct), ct);
    }

    /// <summary>Runs <paramref name="work"/> again until the database answers; the broker keeps the messages meanwhile.</summary>
    public async Task<T> WhileDatabaseIsDownAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                return await work();
            }
            catch (Exception error) when (error is NpgsqlException or TimeoutException && !ct.IsCancellationRequested)
            {
                DatabaseFailed(logger, error.Message, delay.TotalMilliseconds);
                await Task.Delay(delay, ct);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A message of device {DeviceId} cannot be stored: {Reason}")]
    private static partial void Unstorable(ILogger logger, Guid deviceId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing readings failed ({Reason}); retrying in {DelayMs} ms")]
    private static partial void DatabaseFailed(ILogger logger, string reason, double delayMs);
}

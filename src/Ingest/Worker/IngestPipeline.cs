using System.Runtime.ExceptionServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Platform.Ingest.Mqtt;
using Platform.Ingest.Telemetry;

namespace Platform.Ingest.Worker;

/// <summary>
/// One connection's batches, several at a time. Each consumer takes the next batch of waiting
/// messages (taking fixes its place in line), sorts and prepares it while the batch before is being
/// appended, appends it in its turn, then works out the acks, sends the PUBACKs and publishes the
/// acks while the batch after is appended. So batches commit in arrival order, PUBACKs leave in
/// arrival order (<see cref="InboundAcks"/> holds a later one back), and nothing is acknowledged
/// before its commit. Any failure stops every consumer; the worker then reconnects.
/// </summary>
internal sealed partial class IngestPipeline(
    MqttClient client, IngestBatch sorter, IngestStore store, PresenceRecorder presence, IngestCounters counters, int batchSize, ILogger logger) : IDisposable
{
    private readonly SemaphoreSlim taking = new(1, 1);
    private Task lastAppend = Task.CompletedTask;

    private sealed record Taken(List<MqttMessage> Messages, Task Turn, TaskCompletionSource Appended);

    /// <summary>Completes when the client's messages end (it stopped, or the broker refused it for good).</summary>
    public async Task RunAsync(int consumers, CancellationToken ct)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var running = Enumerable.Range(0, consumers).Select(_ => Task.Run(() => ConsumeAsync(failed), CancellationToken.None)).ToArray();
        try
        {
            await Task.WhenAll(running);
        }
        catch (OperationCanceledException) when (running.Select(FirstFailure).FirstOrDefault(e => e is not null) is { } error)
        {
            // The others were cancelled because of it: it is what the worker must see.
            ExceptionDispatchInfo.Throw(error);
        }
    }

    private static Exception? FirstFailure(Task consumer) =>
        consumer.IsFaulted ? consumer.Exception!.InnerExceptions.FirstOrDefault(e => e is not OperationCanceledException) : null;

    private async Task ConsumeAsync(CancellationTokenSource failed)
    {
        try
        {
            while (await TakeAsync(failed.Token) is { } taken) await ProcessAsync(taken, failed.Token);
        }
        catch
        {
            await failed.CancelAsync();
            throw;
        }
    }

    private async Task<Taken?> TakeAsync(CancellationToken ct)
    {
        await taking.WaitAsync(ct);
        try
        {
            if (!await client.Messages.WaitToReadAsync(ct)) return null;
            var batch = new List<MqttMessage>(batchSize);
            while (batch.Count < batchSize && client.Messages.TryRead(out var message)) batch.Add(message);
            var appended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var turn = lastAppend;
            lastAppend = appended.Task;
            return new Taken(batch, turn, appended);
        }
        finally
        {
            taking.Release();
        }
    }

    private async Task ProcessAsync(Taken taken, CancellationToken ct)
    {
        IngestBatch.Sorted sorted;
        try
        {
            sorted = await store.WhileDatabaseIsDownAsync(() => sorter.SortAsync(taken.Messages, ct), ct);
        }
        catch
        {
            taken.Appended.TrySetResult();
            throw;
        }
        var acks = await store.StoreInTurnAsync(sorted.Items, taken.Turn, taken.Appended, ct);
        // After the commit, refused messages too: the broker may forget them now. Last one first, so
        // nothing leaves until the first is acknowledged and then the whole batch's PUBACKs go in one write.
        for (var i = taken.Messages.Count - 1; i >= 0; i--) await taken.Messages[i].AckAsync(ct);
        foreach (var ack in acks) await client.PublishAsync(ack.Topic, Encoding.UTF8.GetBytes(ack.Payload), MqttQos.AtMostOnce, ct: ct);
        counters.Acked(acks.Count);
        await RecordPresenceAsync(sorted, ct);
    }

    public void Dispose() => taking.Dispose();

    /// <summary>Presence is a convenience: failing to write it must not hold up readings.</summary>
    private async Task RecordPresenceAsync(IngestBatch.Sorted sorted, CancellationToken ct)
    {
        try
        {
            await presence.SeenAsync(sorted.Items.Select(i => (i.TenantId, i.DeviceId)), ct);
            foreach (var (topic, message) in sorted.Statuses) await presence.StatusAsync(topic.TenantId, topic.DeviceId, message.Payload, ct);
        }
        catch (Npgsql.NpgsqlException error)
        {
            PresenceFailed(logger, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording device presence failed")]
    private static partial void PresenceFailed(ILogger logger, Exception error);
}

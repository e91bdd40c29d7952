using System.Buffers;
using System.IO.Pipelines;
using Microsoft.Extensions.Logging;

namespace Platform.Ingest.Mqtt;

/// <summary>
/// Packets over one duplex byte stream: a single read loop and serialized writes. Whatever the peer
/// sends, the read loop ends with a reason (malformed, truncated, closed) instead of an exception;
/// closing cancels the pending read and flush, so nothing waits on a dead peer.
/// </summary>
internal sealed class MqttConnection(IDuplexPipe pipe, int maxPacketSize, ILogger logger, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly CancellationTokenSource closed = new();
    private long lastSent = time.GetTimestamp();
    private string? closeReason;

    public long LastSentTimestamp => Interlocked.Read(ref lastSent);

    public bool IsClosed => closeReason is not null;

    public CancellationToken Closed => closed.Token;

    /// <summary>Calls <paramref name="onPacket"/> for each packet, in order, until the connection ends; returns why it ended.</summary>
    public async Task<string> ReadAsync(Func<MqttPacket, ValueTask> onPacket)
    {
        try
        {
            while (true)
            {
                var result = await pipe.Input.ReadAsync(closed.Token);
                var buffer = result.Buffer;
                string? failure = null;
                while (failure is null && !IsClosed)
                {
                    var read = MqttPacketReader.TryRead(ref buffer, maxPacketSize);
                    if (read.Status == MqttReadStatus.Incomplete)
                    {
                        break;
                    }

                    failure = read.Status == MqttReadStatus.Malformed ? "malformed packet: " + read.Error : null;
                    if (read.Packet is { } packet)
                    {
                        await onPacket(packet);
                    }
                }

                var leftover = buffer.Length;
                pipe.Input.AdvanceTo(buffer.Start, buffer.End);
                if (failure is not null || IsClosed)
                {
                    return Close(failure ?? closeReason!);
                }

                if (result.IsCompleted || result.IsCanceled)
                {
                    return Close(leftover == 0 ? "the peer closed the connection" : $"truncated packet: the peer closed the connection {leftover} bytes into a packet");
                }
            }
        }
        catch (OperationCanceledException) when (IsClosed)
        {
            return closeReason!;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            return Close($"{e.GetType().Name}: {e.Message}");
        }
#pragma warning disable CA1031 // A bug in a packet handler must end this connection, never the process.
        catch (Exception e)
#pragma warning restore CA1031
        {
            MqttLog.HandlerFailed(logger, e);
            return Close($"a packet handler failed: {e.GetType().Name}: {e.Message}");
        }
    }

    public ValueTask SendAsync(MqttPacket packet, CancellationToken ct) =>
        SendAsync(output => MqttPacketWriter.Write(output, packet), ct);

    /// <summary>Runs <paramref name="write"/> under the write lock, so what it decides and writes stays in order.</summary>
    public async ValueTask SendAsync(Action<IBufferWriter<byte>> write, CancellationToken ct)
    {
        await writeLock.WaitAsync(ct);
        try
        {
            ThrowIfClosed();
            write(pipe.Output);

            // Not cancellable midway: half a packet on the wire would corrupt the stream. Close cancels it.
            var flush = await pipe.Output.FlushAsync(CancellationToken.None);
            if (flush.IsCanceled || flush.IsCompleted)
            {
                ThrowIfClosed();
                throw Lost(Close("the peer stopped reading"));
            }

            Interlocked.Exchange(ref lastSent, time.GetTimestamp());
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            throw Lost(Close($"sending failed: {e.Message}"), e);
        }
        finally
        {
            writeLock.Release();
        }
    }

    /// <summary>Ends the connection once; the first reason wins and is logged (as a warning unless we chose to close).</summary>
    public string Close(string reason, bool deliberate = false)
    {
        if (Interlocked.CompareExchange(ref closeReason, reason, null) is { } earlier)
        {
            return earlier;
        }

        if (deliberate)
        {
            MqttLog.ConnectionClosedByUs(logger, reason);
        }
        else
        {
            MqttLog.ConnectionClosed(logger, reason);
        }

        closed.Cancel();
        pipe.Input.CancelPendingRead();
        pipe.Output.CancelPendingFlush();
        return reason;
    }

    /// <summary>Only after the read loop has returned: a later send fails as a lost connection.</summary>
    public void Dispose()
    {
        Close("disposed", deliberate: true);
        closed.Dispose();

        // writeLock is left alone: a late ack may still be releasing it, and without a wait handle it holds nothing.
    }

    private void ThrowIfClosed()
    {
        if (closeReason is { } reason)
        {
            throw Lost(reason);
        }
    }

    private static MqttConnectionLostException Lost(string reason, Exception? inner = null) => new(reason, inner);
}

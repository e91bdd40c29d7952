namespace Platform.Ingest.Mqtt;

/// <summary>
/// Sends PINGREQ when we have been quiet for half the keep-alive (the broker drops us after 1.5
/// times it), and closes the connection when a PINGRESP is late: a dead peer or a half-open TCP
/// connection otherwise goes unnoticed until the operating system gives up, many minutes later.
/// </summary>
internal sealed class KeepAlive(MqttConnection connection, TimeSpan interval, TimeSpan pingTimeout, TimeProvider time, Func<bool> readerIsWaitingForConsumer)
{
    private long pingSentAt;

    public void PingResponded() => Interlocked.Exchange(ref pingSentAt, 0);

    public async Task RunAsync(CancellationToken ct)
    {
        var tick = TimeSpan.FromTicks(Math.Max(interval.Ticks / 4, TimeSpan.FromMilliseconds(50).Ticks));
        try
        {
            while (!connection.IsClosed)
            {
                await Task.Delay(tick, time, ct);
                var sentAt = Interlocked.Read(ref pingSentAt);

                // A reader parked on a full receive queue cannot see the PINGRESP; that is not a dead broker.
                if (sentAt != 0 && time.GetElapsedTime(sentAt) > pingTimeout && !readerIsWaitingForConsumer())
                {
                    connection.Close($"no PINGRESP within {pingTimeout.TotalSeconds:0.###} s: the broker or the network is gone");
                    return;
                }

                if (sentAt == 0 && time.GetElapsedTime(connection.LastSentTimestamp) >= interval / 2)
                {
                    Interlocked.Exchange(ref pingSentAt, time.GetTimestamp());

                    // Not awaited: behind a broker that stopped reading, the send itself hangs, and this loop
                    // must keep ticking to notice the missing PINGRESP and close (which cancels that send).
                    _ = PingAsync(ct);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended; the read loop reports why.
        }
    }

    private async Task PingAsync(CancellationToken ct)
    {
        try
        {
            await connection.SendAsync(PingReqPacket.Instance, ct);
        }
        catch (Exception e) when (e is OperationCanceledException or MqttConnectionLostException)
        {
        }
    }
}

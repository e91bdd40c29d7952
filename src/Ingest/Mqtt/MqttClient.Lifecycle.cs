namespace Platform.Ingest.Mqtt;

/// <summary>Starting and stopping: the first connect, a clean shutdown, and giving up for good.</summary>
public sealed partial class MqttClient
{
    /// <summary>
    /// Connects once and throws <see cref="MqttConnectException"/> when that fails, so a wrong host or
    /// password is reported to whoever started the client; after that, lost connections are restored.
    /// </summary>
    public async Task ConnectAsync(CancellationToken ct = default)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(lifetime.IsCancellationRequested, this);
            if (started)
            {
                throw new InvalidOperationException("ConnectAsync is called once; the client reconnects by itself.");
            }

            started = true;
        }

        try
        {
            var first = await EstablishAsync(ct);
            supervisor = Task.Run(() => SuperviseAsync(first), CancellationToken.None);
        }
        catch
        {
            started = false;
            throw;
        }
    }

    /// <summary>
    /// Sends DISCONNECT (so the broker discards the will) and stops. Unacknowledged received messages
    /// stay with the broker for a persistent session; publishes still awaiting PUBACK fail.
    /// </summary>
    public async Task DisconnectAsync(CancellationToken ct = default)
    {
        if (lifetime.IsCancellationRequested)
        {
            await supervisor;
            return;
        }

        await lifetime.CancelAsync();
        MqttClientConnection? current;
        lock (gate)
        {
            current = connected.Task.IsCompletedSuccessfully ? connected.Task.Result : null;
        }

        if (current is { } connection)
        {
            try
            {
                // Bounded: a broker that stopped reading must not hold up the shutdown; closing cancels the send.
                await connection.SendAsync(DisconnectPacket.Instance, ct).AsTask().WaitAsync(options.ConnectTimeout, options.TimeProvider, ct);
            }
            catch (Exception e) when (e is MqttConnectionLostException or TimeoutException)
            {
            }

            connection.Connection.Close("the client disconnected", deliberate: true);
        }

        await supervisor;
        Stop(new MqttConnectionLostException("the client disconnected"), null);
    }

    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync(CancellationToken.None);
        lifetime.Dispose();
    }

    /// <summary>Fails whatever waits for a connection or a PUBACK, and completes <see cref="Messages"/>.</summary>
    private void Stop(Exception error, Exception? messagesError)
    {
        lock (gate)
        {
            if (!connected.TrySetException(error))
            {
                connected = NewConnectedSource();
                connected.SetException(error);
            }

            // Observed here, so nobody waiting is not reported as an unobserved task exception.
            _ = connected.Task.Exception;
        }

        session.FailAll(error);
        received.Writer.TryComplete(messagesError);
    }

    /// <summary>For tests: ends the connection without DISCONNECT, as a network failure would (the broker publishes the will).</summary>
    internal void DropConnection(string reason)
    {
        if (connected.Task.IsCompletedSuccessfully)
        {
            connected.Task.Result.Connection.Close(reason);
        }
    }
}

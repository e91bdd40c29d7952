namespace Platform.Ingest.Mqtt;

/// <summary>The connection's life: first connect, supervision, reconnect with backoff, shutdown.</summary>
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

    private async Task<MqttClientConnection> EstablishAsync(CancellationToken ct)
    {
        var transport = await MqttTransport.ConnectAsync(options, ct);
        var connection = new MqttClientConnection(transport, options, session, received.Writer, ++generation, logger);
        try
        {
            var answer = await connection.HandshakeAsync(ct);
            if (answer.ReturnCode != ConnectReturnCode.Accepted)
            {
                throw new MqttConnectException(answer.ReturnCode, options.Endpoint);
            }

            // The broker lost our session (or we asked for a clean one): it has forgotten our subscriptions.
            var subscriptions = session.Subscriptions();
            if (!answer.SessionPresent && subscriptions.Count > 0)
            {
                var restored = await connection.SubscribeAsync(subscriptions, ct);
                var refused = subscriptions.Where((_, i) => i >= restored.ReturnCodes.Count || restored.ReturnCodes[i] == SubscribeReturnCode.Failure).ToList();
                if (refused.Count > 0)
                {
                    MqttLog.ResubscribeRefused(logger, options.ClientId, string.Join(", ", refused.Select(x => x.TopicFilter)));
                }
            }

            var resend = session.ClaimUnacknowledged(connection.Generation);
            if (resend.Count > 0)
            {
                MqttLog.Resending(logger, options.ClientId, resend.Count);
            }

            foreach (var publish in resend)
            {
                await connection.SendAsync(publish, ct);
            }

            lock (gate)
            {
                // Checked under the lock DisconnectAsync takes after cancelling: either it sees this
                // connection and closes it, or this connection sees the shutdown and goes away.
                lifetime.Token.ThrowIfCancellationRequested();
                connected.TrySetResult(connection);
            }

            MqttLog.Connected(logger, options.ClientId, options.Endpoint, answer.SessionPresent);
            return connection;
        }
        catch (Exception e)
        {
            await connection.DisposeAsync();
            throw e switch
            {
                OperationCanceledException when !ct.IsCancellationRequested && !lifetime.IsCancellationRequested => new MqttConnectException($"The MQTT broker at {options.Endpoint} sent no CONNACK within {options.ConnectTimeout}.", e),
                MqttConnectionLostException lost => new MqttConnectException($"The connection to {options.Endpoint} ended while connecting: {lost.Reason}", e),
                _ => e,
            };
        }
    }

    private async Task SuperviseAsync(MqttClientConnection connection)
    {
        while (true)
        {
            LastCloseReason = await connection.Completion;
            lock (gate)
            {
                if (connected.Task.IsCompleted)
                {
                    connected = NewConnectedSource();
                }
            }

            await connection.DisposeAsync();
            if (options.CleanSession)
            {
                // The broker discards a clean session's state, so a resend would be a new message, not a retry.
                session.FailAll(new MqttConnectionLostException(LastCloseReason + "; the clean session is gone, so the broker may not have the message"));
            }

            if (await ReconnectAsync() is not { } next)
            {
                return;
            }

            connection = next;
        }
    }
}

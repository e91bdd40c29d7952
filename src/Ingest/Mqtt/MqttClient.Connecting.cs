namespace Platform.Ingest.Mqtt;

/// <summary>Each connection's setup, and the supervision that replaces a lost one with backoff.</summary>
public sealed partial class MqttClient
{
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

    /// <summary>Null when the client is stopping or the broker refused us for good.</summary>
    private async Task<MqttClientConnection?> ReconnectAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var delay = ReconnectBackoff.Delay(options.ReconnectDelay, options.MaximumReconnectDelay, attempt, Random.Shared.NextDouble());
            try
            {
                await Task.Delay(delay, options.TimeProvider, lifetime.Token);
                return await EstablishAsync(lifetime.Token);
            }
            catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
            {
                return null;
            }
            catch (MqttConnectException e) when (!e.IsPermanent)
            {
                MqttLog.ReconnectFailed(logger, e, options.ClientId, attempt);
            }
#pragma warning disable CA1031 // Refused credentials, or a bug: either way the consumer hears of it through Messages.
            catch (Exception e)
#pragma warning restore CA1031
            {
                MqttLog.GaveUp(logger, e, options.ClientId);
                Stop(e, e);
                return null;
            }
        }
    }

    private static TaskCompletionSource<MqttClientConnection> NewConnectedSource() =>
        new(TaskCreationOptions.RunContinuationsAsynchronously);
}

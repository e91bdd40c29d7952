namespace Platform.Ingest.Mqtt;

public sealed partial class MqttClient
{
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

    private static TaskCompletionSource<MqttClientConnection> NewConnectedSource() =>
        new(TaskCreationOptions.RunContinuationsAsynchronously);
}

namespace Platform.Ingest.Mqtt;

/// <summary>SUBSCRIBE and UNSUBSCRIBE awaiting their SUBACK or UNSUBACK on one connection.</summary>
internal sealed class PendingRequests(PacketIdentifiers ids)
{
    private readonly Dictionary<ushort, TaskCompletionSource<MqttPacket>> waiting = [];

    public async Task<MqttPacket> SendAsync(MqttConnection connection, Func<ushort, MqttPacket> create, CancellationToken ct)
    {
        var id = ids.Take();
        var answer = new TaskCompletionSource<MqttPacket>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (waiting)
        {
            waiting.Add(id, answer);
        }

        try
        {
            await connection.SendAsync(create(id), ct);
            return await answer.Task.WaitAsync(ct);
        }
        finally
        {
            lock (waiting)
            {
                waiting.Remove(id);
            }

            ids.Release(id);
        }
    }

    public bool Complete(MqttPacket answer)
    {
        var id = answer switch
        {
            SubAckPacket s => s.PacketId,
            UnsubAckPacket u => u.PacketId,
            _ => (ushort)0,
        };
        lock (waiting)
        {
            return waiting.TryGetValue(id, out var request) && request.TrySetResult(answer);
        }
    }

    public void FailAll(Exception error)
    {
        lock (waiting)
        {
            foreach (var request in waiting.Values)
            {
                request.TrySetException(error);
            }
        }
    }
}

using System.Buffers;
using System.IO.Pipelines;
using Platform.Ingest.Mqtt;

namespace Platform.Ingest.Tests.Mqtt;

/// <summary>A connection's two directions in memory: tests write what "the broker" sends and read what we sent.</summary>
internal sealed class PipePair : IDuplexPipe
{
    private readonly Pipe toClient = new();
    private readonly Pipe fromClient = new();

    public PipeReader Input => toClient.Reader;

    public PipeWriter Output => fromClient.Writer;

    public PipeWriter Broker => toClient.Writer;

    /// <summary>The packets the client has written so far.</summary>
    public async Task<IReadOnlyList<MqttPacket>> SentAsync()
    {
        var packets = new List<MqttPacket>();
        if (!fromClient.Reader.TryRead(out var result))
        {
            return packets;
        }

        var buffer = result.Buffer;
        while (MqttPacketReader.TryRead(ref buffer, 1 << 20) is { Status: MqttReadStatus.Packet, Packet: { } packet })
        {
            packets.Add(packet);
        }

        fromClient.Reader.AdvanceTo(buffer.Start, buffer.End);
        await Task.Yield();
        return packets;
    }
}

using System.IO.Pipelines;
using System.Net.Sockets;

namespace Platform.Ingest.Mqtt;

/// <summary>A TCP connection seen as a pair of pipes; disposing it closes the socket.</summary>
internal sealed class MqttTransport : IDuplexPipe, IAsyncDisposable
{
    private readonly NetworkStream stream;

    private MqttTransport(Socket socket)
    {
        stream = new NetworkStream(socket, ownsSocket: true);
        Input = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, leaveOpen: true));
        Output = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
    }

    public PipeReader Input { get; }

    public PipeWriter Output { get; }

    public static async Task<MqttTransport> ConnectAsync(MqttClientOptions options, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var deadline = new CancellationTokenSource(options.ConnectTimeout, options.TimeProvider);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
            await socket.ConnectAsync(options.Host, options.Port, timeout.Token);
            return new MqttTransport(socket);
        }
        catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            socket.Dispose();
            throw new MqttConnectException($"Could not reach the MQTT broker at {options.Endpoint}: {e.Message}", e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The socket goes first: completing the writer flushes what is buffered, which would hang on a
        // broker that stopped reading. What was already flushed (a DISCONNECT) still leaves with the FIN.
        await stream.DisposeAsync();
        try
        {
            await Output.CompleteAsync();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
        }

        await Input.CompleteAsync();
    }
}

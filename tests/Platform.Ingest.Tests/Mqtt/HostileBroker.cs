using System.Net;
using System.Net.Sockets;

namespace Platform.Ingest.Tests.Mqtt;

/// <summary>
/// A TCP server that plays a broken or malicious broker: it reads the CONNECT, then lets the test
/// script what goes back (garbage, a wrong first packet, silence). mosquitto never misbehaves, so
/// these cases need a peer of our own.
/// </summary>
internal sealed class HostileBroker : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Func<int, NetworkStream, CancellationToken, Task> session;
    private readonly Task accepting;
    private int accepted;

    public HostileBroker(Func<int, NetworkStream, CancellationToken, Task> session)
    {
        this.session = session;
        listener.Start();
        accepting = AcceptAsync();
    }

    public static byte[] ConnAckAccepted { get; } = [0x20, 0x02, 0x00, 0x00];

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public int Accepted => Volatile.Read(ref accepted);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var socket = await listener.AcceptSocketAsync(stop.Token);
                _ = ServeAsync(socket, Interlocked.Increment(ref accepted) - 1);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
        }
    }

    private async Task ServeAsync(Socket socket, int index)
    {
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            var connect = new byte[1024];
            _ = await stream.ReadAsync(connect, stop.Token);
            await session(index, stream, stop.Token);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
        {
            // The client hung up first, which is what most of these tests expect.
        }
    }
}

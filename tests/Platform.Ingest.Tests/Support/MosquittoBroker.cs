using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Platform.Ingest.Mqtt;
using Platform.Testing;

namespace Platform.Ingest.Tests.Support;

/// <summary>
/// A private mosquitto from the machine's binary, on a free loopback port, in a temp folder. As root
/// mosquitto drops to the mosquitto user, which therefore owns the folder. Stop, kill, pause and
/// start again on the same port and folder, to test what a client does when its broker misbehaves.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private readonly string root;
    private readonly StringBuilder output = new();
    private Process? process;

    private MosquittoBroker(string root, int port)
    {
        this.root = root;
        Folder = Path.Combine(root, "mosquitto");
        Port = port;
    }

    public string Host { get; } = "127.0.0.1";

    public int Port { get; }

    public string Folder { get; }

    public static async Task<MosquittoBroker> StartAsync(MosquittoSettings? settings = null)
    {
        settings ??= new MosquittoSettings();
        var root = TestDirectories.Create();
        var broker = new MosquittoBroker(root, FreePort());
        try
        {
            Directory.CreateDirectory(broker.Folder);
            await File.WriteAllTextAsync(Path.Combine(broker.Folder, "mosquitto.conf"), settings.Config(broker.Folder, broker.Port));
            foreach (var (user, index) in settings.Users.Select((user, index) => (user, index)))
            {
                await BrokerProcess.RunAsync("mosquitto_passwd", [.. index == 0 ? ["-c"] : Array.Empty<string>(), "-b", Path.Combine(broker.Folder, "passwd"), user.Name, user.Password]);
            }

            if (Environment.IsPrivilegedProcess)
            {
                await BrokerProcess.RunAsync("chown", "-R", "mosquitto:", broker.Folder);
            }

            await broker.StartAgainAsync();
            return broker;
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }
    }

    public MqttClientOptions ClientOptions(string clientId) => new(Host, Port, clientId)
    {
        ReconnectDelay = TimeSpan.FromMilliseconds(50),
        MaximumReconnectDelay = TimeSpan.FromMilliseconds(500),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };

    public async Task StartAgainAsync()
    {
        process?.Dispose();
        process = BrokerProcess.Start("mosquitto", ["-c", Path.Combine(Folder, "mosquitto.conf")], output);
        BrokerProcess.WatchOver(process.Id);
        var deadline = Stopwatch.StartNew();
        while (!await AnswersAsync())
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new InvalidOperationException($"mosquitto did not start on port {Port}: {output}\n{Log()}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>SIGTERM: mosquitto saves its sessions and queued messages to disk before exiting.</summary>
    public Task StopAsync() => EndAsync("TERM");

    /// <summary>SIGKILL: everything since the last autosave is lost, as in a crash.</summary>
    public Task KillAsync() => EndAsync("KILL");

    /// <summary>SIGSTOP: the TCP connections stay open but nothing answers, like a hung broker or a dead route.</summary>
    public Task PauseAsync() => BrokerProcess.SignalAsync(Running.Id, "STOP");

    public Task ResumeAsync() => BrokerProcess.SignalAsync(Running.Id, "CONT");

    public string Log()
    {
        var log = Path.Combine(Folder, "mosquitto.log");
        return File.Exists(log) ? File.ReadAllText(log) : "";
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            await EndAsync("KILL");
        }

        process?.Dispose();
        await TestDirectories.DeleteAsync(root);
    }

    private Process Running => process is { HasExited: false } running ? running : throw new InvalidOperationException("mosquitto is not running");

    private async Task EndAsync(string signal)
    {
        var running = Running;
        if (signal == "KILL")
        {
            // A paused broker must be resumed to die of anything but SIGKILL; SIGKILL needs nothing.
            running.Kill();
        }
        else
        {
            await BrokerProcess.SignalAsync(running.Id, "CONT");
            await BrokerProcess.SignalAsync(running.Id, signal);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await running.WaitForExitAsync(timeout.Token);
    }

    private async Task<bool> AnswersAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

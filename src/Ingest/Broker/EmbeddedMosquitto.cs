using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.Ingest.Broker;

/// <summary>
/// The embedded mode's private mosquitto under {Platform:DataDirectory}/mosquitto, like the embedded
/// PostgreSQL: its accounts are written from the registry before it starts, it is restarted if it
/// dies, and it stops with the host. A broker left running by a killed host is stopped first.
/// </summary>
public sealed partial class EmbeddedMosquitto(
    IServiceProvider services, IOptions<MqttBrokerOptions> options, ILogger<EmbeddedMosquitto> logger) : IHostedService, IAsyncDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private Process? process;
    private Task supervisor = Task.CompletedTask;

    public string Folder => options.Value.ProvisioningDirectory!;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        await BrokerReload.GiveToBrokerUserAsync(Folder, cancellationToken);
        await StopLeftoverAsync(cancellationToken);
        await services.GetRequiredService<BrokerProvisioner>().SyncAsync(cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(Folder, MosquittoConfig.FileName), MosquittoConfig.Render(options.Value, Folder), cancellationToken);
        process = await LaunchAsync(cancellationToken);
        supervisor = Task.Run(() => SuperviseAsync(stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await supervisor;
        if (process is { HasExited: false } running)
        {
            // SIGTERM: mosquitto saves its sessions and queued messages before it exits.
            using var term = Process.Start("kill", ["-TERM", running.Id.ToString(CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync(CancellationToken.None);
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await running.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                running.Kill();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false } running) running.Kill();
        process?.Dispose();
        await Task.CompletedTask;
        stopping.Dispose();
    }

    private async Task SuperviseAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await process!.WaitForExitAsync(ct);
                Died(logger, process.ExitCode);
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
                process.Dispose();
                process = await LaunchAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (InvalidOperationException error)
            {
                RestartFailed(logger, error.Message);
            }
        }
    }

    private async Task<Process> LaunchAsync(CancellationToken ct)
    {
        var start = new ProcessStartInfo(Executable(), ["-c", Path.Combine(Folder, MosquittoConfig.FileName)]) { UseShellExecute = false };
        var started = Process.Start(start) ?? throw new InvalidOperationException("mosquitto did not start.");
        var waited = Stopwatch.StartNew();
        while (!await AnswersAsync(ct))
        {
            if (started.HasExited || waited.Elapsed > TimeSpan.FromSeconds(15))
            {
                if (!started.HasExited) started.Kill();
                throw new InvalidOperationException($"mosquitto did not start on {options.Value.Host}:{options.Value.Port}; see {Path.Combine(Folder, MosquittoConfig.LogFileName)}.");
            }
            await Task.Delay(20, ct);
        }
        Started(logger, options.Value.Host, options.Value.Port, Folder);
        return started;
    }

    private async Task<bool> AnswersAsync(CancellationToken ct)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(options.Value.Host, options.Value.Port, ct);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private async Task StopLeftoverAsync(CancellationToken ct)
    {
        var pidFile = Path.Combine(Folder, MosquittoConfig.PidFileName);
        if (!File.Exists(pidFile) || !int.TryParse((await File.ReadAllTextAsync(pidFile, ct)).Trim(), CultureInfo.InvariantCulture, out var pid)) return;
        if (!File.Exists($"/proc/{pid}/comm") || !BrokerReload.IsBroker(pid)) return;
        using var leftover = Process.GetProcessById(pid);
        leftover.Kill();
        await leftover.WaitForExitAsync(ct);
    }

    private static readonly string[] SystemFolders = ["/usr/sbin", "/usr/local/sbin", "/usr/bin"];

    private static string Executable() =>
        SystemFolders.Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
            .Select(folder => Path.Combine(folder, "mosquitto")).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("mosquitto is not installed: apt-get install -y mosquitto (./run.sh installs it).");

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded mosquitto listening on {Host}:{Port}, files in {Folder}")]
    private static partial void Started(ILogger logger, string host, int port, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedded mosquitto exited with {ExitCode}; restarting it")]
    private static partial void Died(ILogger logger, int exitCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Embedded mosquitto could not be restarted: {Reason}")]
    private static partial void RestartFailed(ILogger logger, string reason);
}

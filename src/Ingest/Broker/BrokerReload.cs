using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.Ingest.Broker;

/// <summary>
/// SIGHUP to the broker named by the pid file: mosquitto rereads its password and ACL files, and
/// disconnects every connected client whose credentials no longer hold (revoked, rotated).
/// </summary>
public sealed partial class BrokerReload(IOptions<MqttBrokerOptions> options, ILogger<BrokerReload> logger)
{
    public async Task ReloadAsync(CancellationToken ct)
    {
        var pidFile = options.Value.PidFile;
        if (string.IsNullOrWhiteSpace(pidFile)) return;
        if (!File.Exists(pidFile) || !int.TryParse((await File.ReadAllTextAsync(pidFile, ct)).Trim(), CultureInfo.InvariantCulture, out var pid))
        {
            // Not started yet: it reads the files when it starts.
            NoBroker(logger, pidFile);
            return;
        }
        if (!IsBroker(pid))
        {
            NoBroker(logger, pidFile);
            return;
        }
        await RunAsync("kill", ["-HUP", pid.ToString(CultureInfo.InvariantCulture)], ct);
    }

    /// <summary>A pid file left by a killed broker may name a process that is not mosquitto any more.</summary>
    public static bool IsBroker(int pid)
    {
        var comm = $"/proc/{pid}/comm";
        try
        {
            return !File.Exists(comm) || File.ReadAllText(comm).Trim() == "mosquitto";
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>As root, mosquitto drops to its own user, which must be able to read what we write.</summary>
    public static async Task GiveToBrokerUserAsync(string path, CancellationToken ct)
    {
        if (Environment.IsPrivilegedProcess && OperatingSystem.IsLinux() && File.Exists("/usr/bin/chown") && BrokerUserExists())
            await RunAsync("/usr/bin/chown", ["mosquitto:mosquitto", path], ct);
    }

    private static bool BrokerUserExists() =>
        File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(line => line.StartsWith("mosquitto:", StringComparison.Ordinal));

    private static async Task RunAsync(string file, string[] arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var error = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed: {error.Trim()}");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No broker pid in {PidFile}; the broker reads the files when it starts")]
    private static partial void NoBroker(ILogger logger, string pidFile);
}

using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Platform.Ingest.Tests.Support;

/// <summary>
/// Runs the machine's tools (mosquitto, mosquitto_pub, mosquitto_sub, chown, kill) and keeps a
/// detached watchdog per broker, so a test process that dies does not leave mosquitto running.
/// </summary>
internal static class BrokerProcess
{
    private const string Watchdog = """
        exec </dev/null >/dev/null 2>&1
        while kill -0 "$2"; do
          if ! kill -0 "$1"; then
            [ "$(cat /proc/"$2"/comm)" = mosquitto ] && kill -9 "$2"
            exit 0
          fi
          sleep 1
        done
        """;

    public static string Find(string name)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Concat(["/usr/sbin", "/usr/local/sbin", "/usr/bin"]);
        return folders.Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"{name} is not installed; ./test.sh installs it, or run: apt-get update && apt-get install -y mosquitto mosquitto-clients");
    }

    public static Process Start(string file, IEnumerable<string> arguments, StringBuilder? output = null, bool redirectInput = false)
    {
        var start = new ProcessStartInfo(Find(file))
        {
            RedirectStandardInput = redirectInput,
            RedirectStandardOutput = output is not null,
            RedirectStandardError = output is not null,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        if (output is not null)
        {
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(output, e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        return process;
    }

    public static async Task<string> RunAsync(string file, params string[] arguments)
    {
        var output = new StringBuilder();
        using var process = Start(file, arguments, output);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {output}");
        }

        lock (output)
        {
            return output.ToString();
        }
    }

    public static Task SignalAsync(int pid, string signal) =>
        RunAsync("kill", "-s", signal, pid.ToString(CultureInfo.InvariantCulture));

    public static void WatchOver(int brokerPid)
    {
        using var watchdog = Start(File.Exists("/usr/bin/setsid") ? "setsid" : "sh", WatchdogArguments(brokerPid));
    }

    private static IEnumerable<string> WatchdogArguments(int brokerPid)
    {
        if (File.Exists("/usr/bin/setsid"))
        {
            yield return "/bin/sh";
        }

        foreach (var argument in new[] { "-c", Watchdog, "mosquitto-watchdog", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), brokerPid.ToString(CultureInfo.InvariantCulture) })
        {
            yield return argument;
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}

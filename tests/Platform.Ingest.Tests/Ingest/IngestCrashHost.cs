using System.Diagnostics;
using System.Text;

namespace Platform.Ingest.Tests.Ingest;

/// <summary>The ingest worker in a process of its own (Platform.Ingest.CrashHost), so a test can kill it with SIGKILL.</summary>
internal sealed class IngestCrashHost : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private IngestCrashHost(Process process) => this.process = process;

    public static IngestCrashHost Start(IEnumerable<string> settings)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(HostPath());
        foreach (var setting in settings) start.ArgumentList.Add(setting);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the ingest crash host");
        var host = new IngestCrashHost(process);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    public string Output
    {
        get
        {
            lock (output) return output.ToString();
        }
    }

    /// <summary>SIGKILL: no shutdown code runs; an open transaction dies with its connection, PUBACKs not sent are never sent.</summary>
    public void KillNine()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited) KillNine();
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    // tests/Platform.Ingest.Tests/bin/<Configuration>/net10.0 -> tests/Platform.Ingest.CrashHost/bin/<Configuration>/net10.0
    private static string HostPath()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = folder.Parent!.Name;
        var tests = folder.Parent.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(tests, "Platform.Ingest.CrashHost", "bin", configuration, folder.Name, "Platform.Ingest.CrashHost.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("build the solution first", path);
    }
}

using System.Diagnostics;

namespace Platform.Projections.Tests.Crash;

/// <summary>The daemon in a process of its own, so a test can kill it with SIGKILL.</summary>
internal sealed class CrashHostProcess : IDisposable
{
    private readonly Process _process;

    private CrashHostProcess(Process process) => _process = process;

    public static CrashHostProcess Start(string connectionString, int batchSize, int delayPerBatchMs)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { HostPath(), connectionString, $"{batchSize}", $"{delayPerBatchMs}" }) start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the crash host");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new CrashHostProcess(process);
    }

    /// <summary>SIGKILL: no shutdown code runs, open transactions die with the connection.</summary>
    public void KillNine()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public bool HasExited => _process.HasExited;

    public void Dispose()
    {
        if (!_process.HasExited) KillNine();
        _process.Dispose();
    }

    // tests/Platform.Projections.Tests/bin/<Configuration>/net10.0 -> tests/Platform.Projections.CrashHost/bin/<Configuration>/net10.0
    private static string HostPath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var tests = output.Parent.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(tests, "Platform.Projections.CrashHost", "bin", configuration, output.Name, "Platform.Projections.CrashHost.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("build the solution first", path);
    }
}

using System.Diagnostics;
using System.Globalization;

namespace Platform.Testing;

/// <summary>
/// A detached shell that outlives the test process and, once it is gone, stops the clusters in its
/// temp folders and deletes them. ProcessExit is not enough: the test platform kills the test host
/// about 100 ms after the last test, usually before pg_ctl and the delete are done.
/// </summary>
internal static class TestProcessReaper
{
    // $1: the test process; $2: the temp folder. SIGQUIT is what pg_ctl stop -m immediate sends.
    private const string Script = """
        exec </dev/null >/dev/null 2>&1
        while kill -0 "$1"; do sleep 1; done
        for dir in "$2"/platform-test-"$1"-*; do
          [ -d "$dir" ] || continue
          for pidfile in "$dir"/*/postmaster.pid "$dir"/*/*/postmaster.pid; do
            [ -f "$pidfile" ] || continue
            pid=$(head -n 1 "$pidfile")
            if [ "$(cat /proc/"$pid"/comm 2>/dev/null || echo postgres)" = postgres ]; then kill -QUIT "$pid"; fi
            n=0
            while [ -f "$pidfile" ] && [ $n -lt 50 ]; do sleep 0.2; n=$((n + 1)); done
          done
          rm -rf "$dir"
        done
        """;

    private static readonly Lazy<bool> Started = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void EnsureStarted() => _ = Started.Value;

    private static bool Start()
    {
        // setsid: a Ctrl-C on the test run reaches its whole process group, which must not include the reaper.
        var detached = File.Exists("/usr/bin/setsid");
        var start = new ProcessStartInfo(detached ? "/usr/bin/setsid" : "/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[.. detached ? ["/bin/sh"] : Array.Empty<string>(), "-c", Script, "platform-test-reaper",
                     Environment.ProcessId.ToString(CultureInfo.InvariantCulture), Path.TrimEndingDirectorySeparator(Path.GetTempPath())])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start);
        return process is not null;
    }
}

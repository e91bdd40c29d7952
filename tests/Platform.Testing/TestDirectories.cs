using System.Diagnostics;
using System.Globalization;
using Platform.Write.Storage;

namespace Platform.Testing;

/// <summary>
/// Temp folders named platform-test-&lt;pid&gt;-&lt;random&gt;, so a later run can tell which ones a dead
/// test process left behind (with their clusters still running) and clean them up.
/// </summary>
public static class TestDirectories
{
    private const string Prefix = "platform-test-";

    public static string Create()
    {
        TestProcessReaper.EnsureStarted();
        var name = string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..12]}");
        var path = Path.Combine(Path.GetTempPath(), name);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Stops any cluster inside (immediately: the data is thrown away) and deletes the folder.</summary>
    public static async Task DeleteAsync(string path)
    {
        if (!Directory.Exists(path))
        {
            return;
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 2, IgnoreInaccessible = true };
        foreach (var pidFile in Directory.EnumerateFiles(path, "postmaster.pid", options).ToList())
        {
            await LocalPostgres.StopRunningAsync(Path.GetDirectoryName(pidFile)!, immediate: true);
        }

        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another test process may be cleaning the same leftovers; whoever wins, the folder goes.
        }
    }

    public static async Task RemoveLeftoversAsync()
    {
        foreach (var path in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            if (OwnerPid(path) is { } pid && !IsRunning(pid))
            {
                try
                {
                    await DeleteAsync(path);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or LocalPostgresException)
                {
                    // Best effort: another user's leftovers are not ours to remove, and must not fail this run.
                }
            }
        }
    }

    private static int? OwnerPid(string path)
    {
        var rest = Path.GetFileName(path)[Prefix.Length..];
        var dash = rest.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && int.TryParse(rest[..dash], CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}

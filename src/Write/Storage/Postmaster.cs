using System.Diagnostics;
using System.Globalization;

namespace Platform.Write.Storage;

/// <summary>A postmaster named by a data folder's postmaster.pid.</summary>
internal sealed record Postmaster(int Pid, int Port)
{
    /// <summary>The pid may have been reused by another program since a crash, so the name must match too.</summary>
    public bool IsAlive()
    {
        if (OperatingSystem.IsLinux())
        {
            // "pid (comm) state ...": a killed postmaster lingers as a zombie (Z) until its parent reaps it.
            string stat;
            try
            {
                stat = File.ReadAllText(string.Create(CultureInfo.InvariantCulture, $"/proc/{Pid}/stat"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }

            var close = stat.LastIndexOf(')');
            return stat.Contains("(postgres)", StringComparison.Ordinal) && close + 2 < stat.Length && stat[close + 2] != 'Z';
        }

        try
        {
            using var process = Process.GetProcessById(Pid);
            return !process.HasExited && process.ProcessName == "postgres";
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}

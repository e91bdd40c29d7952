using System.Globalization;

namespace Platform.Benchmarks.Ingest;

/// <summary>CPU seconds each party used over a measurement, whatever else the machine was running.</summary>
internal sealed record CpuUse(double Process, double Children, double Broker, double Postgres)
{
    public static CpuUse operator -(CpuUse after, CpuUse before) => new(
        after.Process - before.Process, after.Children - before.Children, after.Broker - before.Broker, after.Postgres - before.Postgres);
}

/// <summary>
/// Reads /proc: this process (the simulated devices and the ingest), its exited children
/// (mosquitto_pub, mosquitto_sub), the broker, and the PostgreSQL cluster (the postmaster, its exited
/// backends, and the running ones). Linux only; elsewhere every figure is zero.
/// </summary>
internal sealed class CpuMeter(string brokerPidFile, string dataDirectory)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ, 100 on every Linux platform .NET runs on

    public CpuUse Read()
    {
        if (!OperatingSystem.IsLinux()) return new CpuUse(0, 0, 0, 0);
        var self = Stat("self");
        var broker = Pid(brokerPidFile) is { } b ? Stat(b) : null;
        double postgres = 0;
        if (Pid(Path.Combine(dataDirectory, "postmaster.pid")) is { } postmaster && Stat(postmaster) is { } master)
        {
            postgres = Own(master) + Children(master);
            foreach (var folder in Directory.EnumerateDirectories("/proc"))
            {
                var name = Path.GetFileName(folder);
                if (name.All(char.IsAsciiDigit) && Stat(name) is { } child && child[3] == postmaster) postgres += Own(child);
            }
        }
        return new CpuUse(self is null ? 0 : Own(self), self is null ? 0 : Children(self), broker is null ? 0 : Own(broker), postgres);
    }

    private static double Own(string[] stat) => (Ticks(stat[13]) + Ticks(stat[14])) / TicksPerSecond;

    private static double Children(string[] stat) => (Ticks(stat[15]) + Ticks(stat[16])) / TicksPerSecond;

    private static long Ticks(string field) => long.Parse(field, CultureInfo.InvariantCulture);

    /// <summary>The fields of /proc/{pid}/stat, the command name (which may hold spaces) replaced by one field.</summary>
    private static string[]? Stat(string pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var close = text.LastIndexOf(')');
            return [text[..text.IndexOf(' ', StringComparison.Ordinal)], "comm", .. text[(close + 2)..].Split(' ')];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? Pid(string pidFile)
    {
        try
        {
            var first = File.ReadLines(pidFile).FirstOrDefault()?.Trim();
            return string.IsNullOrEmpty(first) ? null : first;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

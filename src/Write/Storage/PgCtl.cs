using System.Globalization;

namespace Platform.Write.Storage;

/// <summary>pg_ctl for one data folder.</summary>
internal sealed class PgCtl(PostgresBinaries binaries, ClusterFiles files)
{
    private const string WaitSeconds = "60";

    /// <summary>Returns null when the server runs, or what went wrong (pg_ctl's words and the server log).</summary>
    public async Task<string?> TryStartAsync(int port, LocalPostgresOptions options, CancellationToken ct)
    {
        await File.WriteAllTextAsync(files.SettingsFile, ClusterSettings.Render(port, options), ct);
        // Files we wrote as root (settings, or anything left by earlier runs) must belong to the server.
        await PostgresCommand.GiveToServerUserAsync(files.DataDirectory, ct);

        var logOffset = files.LogLength;
        var result = await PostgresCommand.RunAsync(
            binaries.PgCtl,
            ["start", "--pgdata=" + files.DataDirectory, "--log=" + files.LogFile, "--wait", "--timeout=" + WaitSeconds, "--silent"],
            ct);
        return result.Succeeded ? null : $"{result.Output.Trim()}\n{files.ReadLogSince(logOffset)}".Trim();
    }

    public async Task StopAsync(bool immediate, CancellationToken ct)
    {
        var mode = immediate ? "immediate" : "fast";
        var result = await PostgresCommand.RunAsync(
            binaries.PgCtl,
            ["stop", "--pgdata=" + files.DataDirectory, "--mode=" + mode, "--wait", "--timeout=" + WaitSeconds, "--silent"],
            ct);

        // Someone else stopped it first: the outcome we wanted.
        if (!result.Succeeded && files.ReadPostmaster()?.IsAlive() == true)
        {
            throw new LocalPostgresException(
                string.Create(CultureInfo.InvariantCulture, $"pg_ctl stop -m {mode} failed for {files.DataDirectory}: {result.Output.Trim()}"));
        }
    }

    public static bool IsPortClash(string error) =>
        error.Contains("could not bind", StringComparison.OrdinalIgnoreCase)
        || error.Contains("Address already in use", StringComparison.OrdinalIgnoreCase)
        || error.Contains("could not create any TCP/IP sockets", StringComparison.OrdinalIgnoreCase);
}

using System.ComponentModel;
using System.Diagnostics;

namespace Platform.Write.Storage;

internal sealed record CommandResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>
/// Runs the server tools. initdb and postgres refuse to run as root, so a root process runs them
/// as the postgres system user (CI runs as root; a developer's laptop does not).
/// </summary>
internal static class PostgresCommand
{
    public const string ServerUser = "postgres";

    public static bool RunsAsServerUser => Environment.IsPrivilegedProcess;

    public static async Task<CommandResult> RunAsync(string file, IEnumerable<string> arguments, CancellationToken ct)
    {
        // "/" because pg_ctl and initdb fail when the postgres user cannot resolve the current folder (e.g. /root).
        var start = new ProcessStartInfo
        {
            FileName = RunsAsServerUser ? "runuser" : file,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        if (RunsAsServerUser)
        {
            foreach (var prefix in new[] { "-u", ServerUser, "--", file })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return await RunProcessAsync(start, ct);
    }

    /// <summary>Hands a file or folder to the postgres user when we are root; otherwise it is already ours.</summary>
    public static async Task GiveToServerUserAsync(string path, CancellationToken ct)
    {
        if (!RunsAsServerUser)
        {
            return;
        }

        var start = new ProcessStartInfo("chown") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-R", ServerUser + ":", path })
        {
            start.ArgumentList.Add(argument);
        }

        var result = await RunProcessAsync(start, ct);
        if (!result.Succeeded)
        {
            throw new LocalPostgresException($"Could not give {path} to the '{ServerUser}' user: {result.Output.Trim()}");
        }
    }

    /// <summary>Fails early and clearly when the postgres user cannot reach a folder we put the cluster in.</summary>
    public static async Task EnsureServerUserCanReachAsync(string folder, CancellationToken ct)
    {
        if (!RunsAsServerUser)
        {
            return;
        }

        var result = await RunAsync("test", ["-x", folder], ct);
        if (!result.Succeeded)
        {
            throw new LocalPostgresException(
                $"PostgreSQL runs as the '{ServerUser}' user, which cannot reach {folder}: " +
                "every folder on that path needs o+x (chmod o+x <folder>), or choose a data directory elsewhere. " +
                result.Output.Trim());
        }
    }

    private static async Task<CommandResult> RunProcessAsync(ProcessStartInfo start, CancellationToken ct)
    {
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new LocalPostgresException($"Could not start {start.FileName}.");
        }
        catch (Win32Exception e)
        {
            throw new LocalPostgresException($"Could not run {start.FileName}: {e.Message}", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var error = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            return new CommandResult(process.ExitCode, await output + await error);
        }
    }
}

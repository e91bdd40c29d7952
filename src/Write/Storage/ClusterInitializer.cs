using Microsoft.Extensions.Logging;

namespace Platform.Write.Storage;

/// <summary>Runs initdb once for a new data folder.</summary>
internal static class ClusterInitializer
{
    public const string Superuser = "platform";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static async Task InitializeAsync(
        ClusterFiles files, PostgresBinaries binaries, bool durable, ILogger logger, CancellationToken ct)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("LocalPostgres runs PostgreSQL's Unix server binaries.");
        }

        logger.Creating(files.DataDirectory, binaries.BinDirectory);
        files.ReadOrCreatePassword();

        // We create the folder ourselves: as root, the postgres user may not write to its parent.
        Directory.CreateDirectory(files.DataDirectory, OwnerOnly);
        await PostgresCommand.GiveToServerUserAsync(files.DataDirectory, ct);
        await PostgresCommand.GiveToServerUserAsync(files.PasswordFile, ct);

        // C.UTF-8 sorts by code point and is present on Debian; a machine without it still gets UTF-8 with plain C.
        var result = await InitDbAsync(files, binaries, "C.UTF-8", durable, ct);
        if (!result.Succeeded && result.Output.Contains("locale", StringComparison.OrdinalIgnoreCase))
        {
            logger.LocaleFallback(result.Output.Trim());
            result = await InitDbAsync(files, binaries, "C", durable, ct);
        }

        if (!result.Succeeded)
        {
            throw new LocalPostgresException($"initdb failed for {files.DataDirectory}: {result.Output.Trim()}");
        }

        // Appended last so our settings override initdb's defaults; rewritten on every start.
        await File.AppendAllTextAsync(
            Path.Combine(files.DataDirectory, "postgresql.conf"),
            $"{Environment.NewLine}include_if_exists = '{Path.GetFileName(files.SettingsFile)}'{Environment.NewLine}",
            ct);
    }

    private static Task<CommandResult> InitDbAsync(
        ClusterFiles files, PostgresBinaries binaries, string locale, bool durable, CancellationToken ct)
    {
        List<string> arguments =
        [
            "--pgdata=" + files.DataDirectory,
            "--username=" + Superuser,
            "--pwfile=" + files.PasswordFile,
            "--auth=scram-sha-256",
            "--encoding=UTF8",
            "--locale=" + locale,
        ];
        if (!durable)
        {
            // A throwaway cluster need not wait for initdb's fsync of every file.
            arguments.Add("--no-sync");
        }

        return PostgresCommand.RunAsync(binaries.InitDb, arguments, ct);
    }
}

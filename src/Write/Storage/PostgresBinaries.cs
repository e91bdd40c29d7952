using System.Diagnostics;
using System.Globalization;

namespace Platform.Write.Storage;

/// <summary>The folder holding initdb and pg_ctl.</summary>
internal sealed record PostgresBinaries(string BinDirectory)
{
    private const string NotFound =
        "PostgreSQL server binaries not found: install postgresql-15 (apt-get install postgresql-15) or set PLATFORM_PG_BIN";

    public string InitDb => Path.Combine(BinDirectory, "initdb");

    public string PgCtl => Path.Combine(BinDirectory, "pg_ctl");

    /// <summary>
    /// PLATFORM_PG_BIN wins; then Debian's versioned folders, preferring the major version that
    /// created an existing data folder (a newer server cannot open an older cluster); then pg_config.
    /// </summary>
    public static PostgresBinaries Find(string? clusterMajorVersion)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("PLATFORM_PG_BIN");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return HasInitDb(fromEnvironment)
                ? new PostgresBinaries(fromEnvironment)
                : throw new LocalPostgresException($"PLATFORM_PG_BIN={fromEnvironment} has no initdb. {NotFound}");
        }

        var debian = DebianBinDirectories();
        var matching = debian.FirstOrDefault(d => clusterMajorVersion is not null && VersionOf(d) == clusterMajorVersion);
        var found = matching ?? debian.FirstOrDefault() ?? PgConfigBinDirectory();
        return found is not null ? new PostgresBinaries(found) : throw new LocalPostgresException(NotFound);
    }

    private static List<string> DebianBinDirectories()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.GetDirectories(root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(HasInitDb)
            .OrderByDescending(d => decimal.TryParse(VersionOf(d), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : 0)
            .ToList();
    }

    private static string VersionOf(string binDirectory) =>
        Path.GetFileName(Path.GetDirectoryName(binDirectory)) ?? "";

    private static string? PgConfigBinDirectory()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", "--bindir")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && HasInitDb(output) ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // pg_config is not installed (only client packages carry it); that is just "not found".
            return null;
        }
    }

    private static bool HasInitDb(string directory) => File.Exists(Path.Combine(directory, "initdb"));
}

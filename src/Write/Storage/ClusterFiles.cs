using System.Globalization;
using System.Security.Cryptography;

namespace Platform.Write.Storage;

/// <summary>Where a private cluster keeps its files.</summary>
internal sealed class ClusterFiles(string dataDirectory)
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public string DataDirectory { get; } = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDirectory));

    public string ParentDirectory => Path.GetDirectoryName(DataDirectory) ?? "/";

    /// <summary>Beside the data folder, not in it: initdb wants an empty folder, and backups of PGDATA should not carry it.</summary>
    public string PasswordFile => DataDirectory + ".password";

    public string LogFile => Path.Combine(DataDirectory, "postgresql.log");

    public long LogLength => File.Exists(LogFile) ? new FileInfo(LogFile).Length : 0;

    public string SettingsFile => Path.Combine(DataDirectory, "platform.conf");

    public string PidFile => Path.Combine(DataDirectory, "postmaster.pid");

    public bool IsInitialized => File.Exists(VersionFile);

    public string? MajorVersion => IsInitialized ? File.ReadAllText(VersionFile).Trim() : null;

    private string VersionFile => Path.Combine(DataDirectory, "PG_VERSION");

    public Postmaster? ReadPostmaster()
    {
        try
        {
            // Line 1 is the pid, line 4 the port (PostgreSQL 10 and later).
            var lines = File.ReadAllLines(PidFile);
            return lines.Length >= 4
                && int.TryParse(lines[0], CultureInfo.InvariantCulture, out var pid)
                && int.TryParse(lines[3], CultureInfo.InvariantCulture, out var port)
                ? new Postmaster(pid, port)
                : null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public string ReadOrCreatePassword()
    {
        if (File.Exists(PasswordFile))
        {
            return File.ReadAllText(PasswordFile).Trim();
        }

        if (IsInitialized)
        {
            throw new LocalPostgresException(
                $"{DataDirectory} holds a cluster but its password file {PasswordFile} is gone; delete the data folder to start over.");
        }

        var password = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using (var writer = new StreamWriter(PasswordFile, options))
        {
            writer.Write(password);
        }

        return password;
    }

    /// <summary>The log written since <paramref name="offset"/>, so a failure shows its own cause and not old noise.</summary>
    public string ReadLogSince(long offset)
    {
        if (!File.Exists(LogFile))
        {
            return "";
        }

        using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        stream.Seek(Math.Min(offset, stream.Length), SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Trim();
    }
}

using Microsoft.Extensions.Logging;

namespace Platform.Write.Storage;

internal static partial class LocalPostgresLog
{
    [LoggerMessage(LogLevel.Information, "Creating a PostgreSQL cluster in {DataDirectory} with {BinDirectory}")]
    public static partial void Creating(this ILogger logger, string dataDirectory, string binDirectory);

    [LoggerMessage(LogLevel.Warning, "initdb rejected locale C.UTF-8, falling back to C: {Output}")]
    public static partial void LocaleFallback(this ILogger logger, string output);

    [LoggerMessage(LogLevel.Information, "Started PostgreSQL on 127.0.0.1:{Port} ({DataDirectory})")]
    public static partial void Started(this ILogger logger, int port, string dataDirectory);

    [LoggerMessage(LogLevel.Warning, "Port {Port} was taken before PostgreSQL could bind it; trying another")]
    public static partial void PortTaken(this ILogger logger, int port);

    [LoggerMessage(LogLevel.Information, "Removing stale postmaster.pid (pid {Pid} is gone) in {DataDirectory}")]
    public static partial void StalePidFile(this ILogger logger, int pid, string dataDirectory);

    [LoggerMessage(LogLevel.Information, "Reusing PostgreSQL already running (pid {Pid}) on port {Port} ({DataDirectory})")]
    public static partial void Adopted(this ILogger logger, int pid, int port, string dataDirectory);

    [LoggerMessage(LogLevel.Warning, "PostgreSQL already runs on port {Port}, not the requested {Wanted}; using it")]
    public static partial void AdoptedOnOtherPort(this ILogger logger, int port, int wanted);

    [LoggerMessage(LogLevel.Information, "Created database {Database} on port {Port}")]
    public static partial void DatabaseCreated(this ILogger logger, string database, int port);

    [LoggerMessage(LogLevel.Information, "Stopping PostgreSQL on port {Port} ({Mode})")]
    public static partial void Stopping(this ILogger logger, int port, string mode);

    [LoggerMessage(LogLevel.Warning, "Could not stop PostgreSQL in {DataDirectory}")]
    public static partial void StopFailed(this ILogger logger, Exception exception, string dataDirectory);
}

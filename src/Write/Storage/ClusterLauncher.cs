using Microsoft.Extensions.Logging;

namespace Platform.Write.Storage;

/// <summary>Brings a data folder's server up: adopts one already running, or starts it, retrying port clashes.</summary>
internal static class ClusterLauncher
{
    private const int AutoPortAttempts = 5;
    private static readonly TimeSpan StartingPostmasterWait = TimeSpan.FromSeconds(30);

    /// <summary>Returns the port the server listens on.</summary>
    public static async Task<int> StartOrAdoptAsync(
        ClusterFiles files, PgCtl pgCtl, LocalPostgresOptions options, ILogger logger, CancellationToken ct)
    {
        if (files.ReadPostmaster() is { } postmaster)
        {
            if (postmaster.IsAlive())
            {
                return await AdoptAsync(files, postmaster, options, logger, ct);
            }

            // postgres itself refuses a pid file whose pid was reused by another live program.
            logger.StalePidFile(postmaster.Pid, files.DataDirectory);
            File.Delete(files.PidFile);
        }

        for (var attempt = 1; ; attempt++)
        {
            var port = options.Port ?? LoopbackPort.FindFree();
            var error = await pgCtl.TryStartAsync(port, options, ct);
            if (error is null)
            {
                logger.Started(port, files.DataDirectory);
                return port;
            }

            if (options.Port is not null || attempt == AutoPortAttempts || !PgCtl.IsPortClash(error))
            {
                throw new LocalPostgresException($"PostgreSQL did not start on port {port} ({files.DataDirectory}): {error}");
            }

            logger.PortTaken(port);
        }
    }

    /// <summary>A server left running by an earlier process (killed, or still alive) is reused rather than fought.</summary>
    private static async Task<int> AdoptAsync(
        ClusterFiles files, Postmaster postmaster, LocalPostgresOptions options, ILogger logger, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + StartingPostmasterWait;
        while (!await LoopbackPort.AnswersAsync(postmaster.Port, ct))
        {
            if (DateTime.UtcNow > deadline || !postmaster.IsAlive())
            {
                throw new LocalPostgresException(
                    $"A postmaster (pid {postmaster.Pid}) runs on {files.DataDirectory} but does not answer on port {postmaster.Port}; " +
                    $"stop it (pg_ctl stop -D {files.DataDirectory}) and try again.");
            }

            // It may still be starting, or recovering from a crash.
            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }

        if (options.Port is { } wanted && wanted != postmaster.Port)
        {
            logger.AdoptedOnOtherPort(postmaster.Port, wanted);
        }

        logger.Adopted(postmaster.Pid, postmaster.Port, files.DataDirectory);
        return postmaster.Port;
    }
}

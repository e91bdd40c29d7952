using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Projections.Daemon;

/// <summary>
/// Leadership of one projection: a session advisory lock in the (int, int) key space, held on a
/// connection of its own for as long as the runner is active. The event store's stream locks use
/// the bigint space, so the two never collide. When the process dies its connection drops and
/// PostgreSQL releases the lock, so a standby can take over.
/// </summary>
internal sealed class ProjectionLease : IAsyncDisposable
{
    /// <summary>"PRJD": the first key of every projection lock.</summary>
    public const int LockSpace = 0x50524A44;

    private const string TryLockSql = "select pg_try_advisory_lock($1, hashtext($2))";
    private const string StillHeldSql = """
        select exists (select 1 from pg_locks
                        where locktype = 'advisory' and pid = pg_backend_pid() and granted
                          and classid = $1::int4::oid and objid = hashtext($2)::oid and objsubid = 2)
        """;

    private readonly NpgsqlConnection _connection;
    private readonly string _projection;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _disposing = new();
    private readonly Task _watch;

    private ProjectionLease(NpgsqlConnection connection, string projection, TimeSpan checkInterval, TimeProvider time, ILogger logger)
    {
        _connection = connection;
        _projection = projection;
        _logger = logger;
        _watch = WatchAsync(checkInterval, time);
    }

    /// <summary>Cancelled as soon as the lock may no longer be held: stop applying at once.</summary>
    public CancellationToken Lost => _lost.Token;

    public static async Task<ProjectionLease?> TryAcquireAsync(
        NpgsqlDataSource dataSource, string projection, TimeSpan checkInterval, TimeProvider time, ILogger logger,
        CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand(TryLockSql, connection);
            command.Parameters.Add(new() { Value = LockSpace });
            command.Parameters.Add(new() { Value = projection });
            if ((bool)(await command.ExecuteScalarAsync(ct))!)
                return new ProjectionLease(connection, projection, checkInterval, time, logger);
        }
        catch
        {
            // Cancelled or broken mid-call, the lock may have been taken: keep it out of the pool.
            NpgsqlConnection.ClearPool(connection);
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    // A killed backend or a broken socket only shows up when the connection is used, so it is
    // used regularly; between checks the conditional checkpoint update keeps a stale leader harmless.
    private async Task WatchAsync(TimeSpan interval, TimeProvider time)
    {
        try
        {
            while (true)
            {
                await Task.Delay(interval, time, _disposing.Token);
                await using var command = new NpgsqlCommand(StillHeldSql, _connection) { CommandTimeout = 10 };
                command.Parameters.Add(new() { Value = LockSpace });
                command.Parameters.Add(new() { Value = _projection });
                if (!(bool)(await command.ExecuteScalarAsync(_disposing.Token))!)
                {
                    _logger.LockNotHeld(_projection);
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (_disposing.IsCancellationRequested)
        {
            return;
        }
        catch (Exception error) when (error is NpgsqlException or IOException or TimeoutException or OperationCanceledException
                                          or InvalidOperationException)
        {
            _logger.LockConnectionLost(error, _projection);
        }
        await _lost.CancelAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _disposing.CancelAsync();
        await _watch;
        var released = false;
        try
        {
            await using var unlock = new NpgsqlCommand("select pg_advisory_unlock($1, hashtext($2))", _connection) { CommandTimeout = 10 };
            unlock.Parameters.Add(new() { Value = LockSpace });
            unlock.Parameters.Add(new() { Value = _projection });
            released = (bool)(await unlock.ExecuteScalarAsync(CancellationToken.None))!;
        }
        catch (Exception error) when (error is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
        {
            _logger.UnlockFailed(error, _projection);
        }
        // A pooled connection that might still hold the lock must not wait idle in the pool,
        // keeping every standby out: clearing the pool closes it instead of returning it.
        if (!released) NpgsqlConnection.ClearPool(_connection);
        await _connection.DisposeAsync();
        _lost.Dispose();
        _disposing.Dispose();
    }
}

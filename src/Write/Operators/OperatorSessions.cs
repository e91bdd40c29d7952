using Npgsql;
using Platform.Write.Identity;

namespace Platform.Write.Operators;

/// <summary>
/// Operator sessions, on the system connection: started at sign-in, rotated on refresh, revoked at
/// sign-out, and checked on every request. A session stands while it is unrevoked, unexpired, and
/// its operator is active with the security stamp the session was started with.
/// </summary>
public static class OperatorSessions
{
    internal static async Task<OperatorSignedIn?> StartAsync(
        NpgsqlDataSource system, Guid operatorId, ClientInfo client, DateTimeOffset now, TimeSpan lifetime, CancellationToken ct)
    {
        var sessionId = Guid.CreateVersion7();
        await using var command = system.CreateCommand("""
            insert into platform_operator_sessions (session_id, operator_id, security_stamp, created_at, refreshed_at, expires_at,
                                                    client_address, user_agent)
            select $1, operator_id, security_stamp, $3, $3, $4, $5, $6 from platform_operators where operator_id = $2 and active
            returning refresh_generation
            """);
        command.Parameters.Add(new() { Value = sessionId });
        command.Parameters.Add(new() { Value = operatorId });
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = now + lifetime });
        command.Parameters.Add(new() { Value = (object?)client.Address ?? DBNull.Value });
        command.Parameters.Add(new() { Value = (object?)client.UserAgent ?? DBNull.Value });
        return await command.ExecuteScalarAsync(ct) is int generation ? new OperatorSignedIn(operatorId, sessionId, generation) : null;
    }

    /// <summary>Moves a live session to its next generation; null when the ticket is not its current generation.</summary>
    internal static async Task<OperatorSignedIn?> RotateAsync(
        NpgsqlDataSource system, OperatorRefreshTicket ticket, DateTimeOffset now, DateTimeOffset expires, CancellationToken ct)
    {
        await using var command = system.CreateCommand("""
            update platform_operator_sessions s
               set refresh_generation = s.refresh_generation + 1, refreshed_at = $4, expires_at = $5
              from platform_operators o
             where s.session_id = $1 and s.operator_id = $2 and s.refresh_generation = $3
               and s.revoked_at is null and s.expires_at > $4
               and o.operator_id = s.operator_id and o.active and o.security_stamp = s.security_stamp
            returning s.refresh_generation
            """);
        command.Parameters.Add(new() { Value = ticket.SessionId });
        command.Parameters.Add(new() { Value = ticket.OperatorId });
        command.Parameters.Add(new() { Value = ticket.Generation });
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = expires });
        return await command.ExecuteScalarAsync(ct) is int generation ? new OperatorSignedIn(ticket.OperatorId, ticket.SessionId, generation) : null;
    }

    /// <summary>Ends a session; <paramref name="olderThanGeneration"/> ends it only when a later generation exists (a reused token).</summary>
    internal static async Task RevokeAsync(
        NpgsqlDataSource system, Guid operatorId, Guid sessionId, string reason, DateTimeOffset now, CancellationToken ct, int? olderThanGeneration = null)
    {
        await using var command = system.CreateCommand("""
            update platform_operator_sessions set revoked_at = $3, revoked_reason = $4
             where session_id = $1 and operator_id = $2 and revoked_at is null and ($5::int is null or refresh_generation > $5)
            """);
        command.Parameters.Add(new() { Value = sessionId });
        command.Parameters.Add(new() { Value = operatorId });
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = reason });
        command.Parameters.Add(new() { Value = (object?)olderThanGeneration ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The check every operator request makes (one indexed lookup).</summary>
    public static async Task<bool> StandsAsync(NpgsqlDataSource system, Guid operatorId, Guid sessionId, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(system);
        await using var command = system.CreateCommand("""
            select exists (
                select 1 from platform_operator_sessions s join platform_operators o on o.operator_id = s.operator_id
                 where s.session_id = $1 and s.operator_id = $2 and s.revoked_at is null and s.expires_at > $3
                   and o.active and o.security_stamp = s.security_stamp)
            """);
        command.Parameters.Add(new() { Value = sessionId });
        command.Parameters.Add(new() { Value = operatorId });
        command.Parameters.Add(new() { Value = now });
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }
}

using MediatR;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using Platform.Read.Paging;
using Platform.Read.Tenancy;

namespace Platform.Read.Identity;

/// <summary>
/// The caller's own live sessions, newest first. The endpoint fills the tenant, user and current
/// session from the principal; nothing in the request names them.
/// </summary>
[Authorize]
public sealed record ListSessions(Guid TenantId, Guid UserId, Guid? CurrentSessionId, PageRequest Page) : IRequest<Page<SessionSummary>>;

public sealed record SessionSummary(
    Guid Id, DateTimeOffset CreatedAt, DateTimeOffset LastRefreshedAt, string? ClientAddress, string? UserAgent, bool Current);

public sealed class ListSessionsHandler(TenantReads reads, TimeProvider time) : IRequestHandler<ListSessions, Page<SessionSummary>>
{
    public Task<Page<SessionSummary>> Handle(ListSessions request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Session ids are version-7 uuids: unique, so a keyset, and ordered by creation to the millisecond.
        if (!request.Page.TryReadCursor<Guid>(out var after)) throw new ArgumentException("The cursor is not a sessions cursor.", nameof(request));
        return reads.QueryAsync(request.TenantId, async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand("""
                select session_id, created_at, refreshed_at, client_address, user_agent
                  from sessions
                 where tenant_id = $1 and user_id = $2 and revoked_at is null and expires_at > $3
                   and ($4::uuid is null or session_id < $4)
                 order by session_id desc
                 limit $5
                """, connection, transaction);
            command.Parameters.Add(new() { Value = request.TenantId });
            command.Parameters.Add(new() { Value = request.UserId });
            command.Parameters.Add(new() { Value = time.GetUtcNow() });
            command.Parameters.Add(new() { Value = after == Guid.Empty ? DBNull.Value : after, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
            command.Parameters.Add(new() { Value = request.Page.Limit + 1 });
            var rows = new List<SessionSummary>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetGuid(0);
                rows.Add(new SessionSummary(id, reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                    id == request.CurrentSessionId));
            }
            return request.Page.ToPage(rows, r => r.Id);
        }, cancellationToken);
    }
}

using Dapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Read.Paging;

namespace Platform.Read.Tenancy;

/// <summary>
/// The tenant's users, active, invited and deactivated, a page at a time, in id order (version-7 ids:
/// by creation to the millisecond, in no given order within one).
/// <see cref="TenantId"/> is the signed-in tenant, set by the endpoint, never read from a request.
/// </summary>
[Authorize(Roles = "owner,admin")]
public sealed record ListUsers(Guid TenantId, PageRequest Page) : IRequest<Page<UserSummary>>;

public sealed record UserSummary(Guid UserId, string Email, string DisplayName, string Role, string Status, DateTimeOffset CreatedAt);

/// <summary>Npgsql reads timestamptz as a UTC DateTime; Dapper maps a constructor only with exact types.</summary>
internal sealed record UserRow(Guid UserId, string Email, string DisplayName, string Role, string Status, DateTime CreatedAt)
{
    public UserSummary ToSummary() => new(UserId, Email, DisplayName, Role, Status, new DateTimeOffset(CreatedAt, TimeSpan.Zero));
}

public sealed class ListUsersHandler(TenantReads reads) : IRequestHandler<ListUsers, Page<UserSummary>>
{
    public async Task<Page<UserSummary>> Handle(ListUsers request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Endpoints answer 400 for a cursor that is not ours; here one is a caller's bug.
        if (!request.Page.TryReadCursor<Guid>(out var last))
            throw new ArgumentException("The cursor is not one this list wrote.", nameof(request));
        Guid? after = request.Page.Cursor is null ? null : last;
        var rows = await reads.QueryAsync(request.TenantId, async (connection, tx) => (await connection.QueryAsync<UserRow>(
            new CommandDefinition("""
                select user_id as UserId, email as Email, display_name as DisplayName, role as Role, status as Status,
                       created_at as CreatedAt
                  from users
                 where tenant_id = @tenant and (@after::uuid is null or user_id > @after)
                 order by user_id
                 limit @limit
                """, new { tenant = request.TenantId, after, limit = request.Page.Limit + 1 }, tx, cancellationToken: cancellationToken))).Select(r => r.ToSummary()).ToList(),
            cancellationToken);
        return request.Page.ToPage(rows, r => r.UserId);
    }
}

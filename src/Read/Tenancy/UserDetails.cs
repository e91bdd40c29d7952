using Dapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Platform.Read.Tenancy;

/// <summary>
/// One user of the tenant, or null: another tenant's user is invisible under row-level security,
/// exactly like one that does not exist. <see cref="TenantId"/> is set by the endpoint.
/// </summary>
[Authorize(Roles = "owner,admin")]
public sealed record GetUser(Guid TenantId, Guid UserId) : IRequest<UserDetails?>;

/// <summary><see cref="Version"/> is the user stream's version: the ETag a role change sends back as If-Match.</summary>
public sealed record UserDetails(
    Guid UserId, string Email, string DisplayName, string Role, string Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    long Version);

public sealed class GetUserHandler(TenantReads reads) : IRequestHandler<GetUser, UserDetails?>
{
    public async Task<UserDetails?> Handle(GetUser request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var row = await reads.QueryAsync(request.TenantId, (connection, tx) => connection.QuerySingleOrDefaultAsync<UserDetailsRow>(
            new CommandDefinition("""
                select user_id as UserId, email as Email, display_name as DisplayName, role as Role, status as Status,
                       created_at as CreatedAt, updated_at as UpdatedAt, version as Version
                  from users
                 where tenant_id = @tenant and user_id = @user
                """, new { tenant = request.TenantId, user = request.UserId }, tx, cancellationToken: cancellationToken)),
            cancellationToken);
        return row is null ? null : new UserDetails(
            row.UserId, row.Email, row.DisplayName, row.Role, row.Status,
            new DateTimeOffset(row.CreatedAt, TimeSpan.Zero), new DateTimeOffset(row.UpdatedAt, TimeSpan.Zero), row.Version);
    }
}

internal sealed record UserDetailsRow(
    Guid UserId, string Email, string DisplayName, string Role, string Status, DateTime CreatedAt, DateTime UpdatedAt, long Version);

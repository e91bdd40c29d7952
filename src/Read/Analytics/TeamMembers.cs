using Dapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Platform.Read.Analytics;

/// <summary>
/// Names and addresses of some of the tenant's users, so figures kept by user id can be shown by person;
/// an id that is not the tenant's user is simply left out.
/// </summary>
[Authorize(Roles = "owner,admin,analyst")]
public sealed record GetTeamMembers(Guid TenantId, IReadOnlyList<Guid> UserIds) : IRequest<IReadOnlyList<TeamMember>>;

public sealed record TeamMember(Guid UserId, string DisplayName, string Email);

public sealed class GetTeamMembersHandler(Tenancy.TenantReads reads) : IRequestHandler<GetTeamMembers, IReadOnlyList<TeamMember>>
{
    public async Task<IReadOnlyList<TeamMember>> Handle(GetTeamMembers request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.UserIds.Count == 0) return [];
        return await reads.QueryAsync(request.TenantId, async (connection, tx) => (await connection.QueryAsync<TeamMember>(new CommandDefinition("""
            select user_id as UserId, display_name as DisplayName, email as Email
              from users
             where tenant_id = @tenant and user_id = any(@ids)
            """, new { tenant = request.TenantId, ids = request.UserIds.Distinct().ToArray() }, tx, cancellationToken: cancellationToken))).ToList(),
            cancellationToken);
    }
}

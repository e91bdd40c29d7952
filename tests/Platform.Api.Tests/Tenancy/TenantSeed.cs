using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Api.Tests.Tenancy;

/// <summary>
/// Makes a tenant and its owner the way sign-up does (events appended, tenants and users rows in
/// the same transaction), and more users through the real invite and accept commands.
/// </summary>
public sealed class TenantSeed(IServiceProvider services)
{
    public const string Password = "una-clave-segura-123";

    private static readonly Lazy<string> OwnerHash = new(() => Passwords.Hash(Password));

    public async Task<Member> TenantAsync(string plan = "basic")
    {
        var tenantId = Guid.CreateVersion7();
        var owner = new Member(tenantId, Guid.CreateVersion7(), Roles.Owner, $"owner-{tenantId:N}@example.com");
        var slug = $"t-{tenantId:N}";
        var context = new CommandContext();
        context.ActFor(tenantId, owner.UserId);

        var database = services.GetRequiredService<TenantDatabase>();
        await using var tx = await database.BeginAsync(tenantId);
        await services.GetRequiredService<TransactionalAppend>().AppendAsync(tx, [
            new StreamAppend(tenantId, TenancyEvents.TenantStream, ExpectedVersion.NoStream, [context.Event(
                new TenantRegistered(tenantId, "Autos del Norte", slug, "MX", "America/Monterrey", "MXN", "dealership", plan, owner.UserId))]),
            new StreamAppend(tenantId, TenancyEvents.UserStream(owner.UserId), ExpectedVersion.NoStream, [context.Event(
                new UserRegistered(owner.UserId, owner.Email, "Dueña", Roles.Owner))]),
        ]);
        await using (var tenant = tx.Command("""
            insert into tenants (tenant_id, slug, name, country, time_zone, currency, industry, plan, status, version, created_at, updated_at)
            values ($1, $2, 'Autos del Norte', 'MX', 'America/Monterrey', 'MXN', 'dealership', $3, 'active', 1, now(), now())
            """))
        {
            tenant.Parameters.Add(new() { Value = tenantId });
            tenant.Parameters.Add(new() { Value = slug });
            tenant.Parameters.Add(new() { Value = plan });
            await tenant.ExecuteNonQueryAsync();
        }
        await using (var user = tx.Command("""
            insert into users (tenant_id, user_id, email, display_name, role, status, password_hash, security_stamp, version, created_at, updated_at)
            values ($1, $2, $3, 'Dueña', 'owner', 'active', $4, gen_random_uuid(), 1, now(), now())
            """))
        {
            user.Parameters.Add(new() { Value = tenantId });
            user.Parameters.Add(new() { Value = owner.UserId });
            user.Parameters.Add(new() { Value = owner.Email });
            user.Parameters.Add(new() { Value = OwnerHash.Value });
            await user.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
        return owner;
    }

    public async Task<(Member Member, InvitationIssued Invitation)> InvitedAsync(Member by, string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@example.com";
        var issued = await SendAsync(by, new InviteUser(email, role));
        return (new Member(by.TenantId, issued.UserId, role, email), issued);
    }

    public async Task<Member> ActiveAsync(Member by, string role)
    {
        var (member, invitation) = await InvitedAsync(by, role);
        await SendAnonymousAsync(new AcceptInvitation(invitation.Token, $"Usuario {role}", Password));
        return member;
    }

    private async Task<T> SendAsync<T>(Member who, IRequest<T> request)
    {
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CommandContext>().SignIn(who.TenantId, who.UserId, who.Role, null);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    private async Task<T> SendAnonymousAsync<T>(IRequest<T> request)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }
}

using Platform.Read.Tenancy;
using Platform.Write.Domain;
using Platform.Write.Tenancy;

namespace Platform.Api.Tests.Tenancy;

[Collection(TenancyCollection.Name)]
public sealed class UserDeactivationTests(TenancyApp app)
{
    [Fact]
    public async Task Deactivating_a_user_revokes_all_their_sessions_and_no_one_elses()
    {
        var owner = await app.Seed.TenantAsync();
        var admin = await app.Seed.ActiveAsync(owner, Roles.Admin);
        var seller = await app.Seed.ActiveAsync(owner, Roles.Sales);
        await AddSessionAsync(seller);
        await AddSessionAsync(seller);
        await AddSessionAsync(admin);
        var stampBefore = await app.ScalarAsync<Guid>("select security_stamp from users where user_id = $1", seller.UserId);

        var version = await app.SendAsync(admin, new DeactivateUser(seller.UserId, "dejó la empresa"));

        version.Should().Be(3);
        (await app.SendAsync(owner, new GetUser(owner.TenantId, seller.UserId))).Should().BeEquivalentTo(new { Status = "deactivated", Version = 3L });
        (await app.ScalarAsync<long>(
            "select count(*) from sessions where user_id = $1 and revoked_at is not null and revoked_reason = 'user-deactivated'", seller.UserId))
            .Should().Be(2);
        (await app.ScalarAsync<long>("select count(*) from sessions where user_id = $1 and revoked_at is null", admin.UserId)).Should().Be(1);
        (await app.ScalarAsync<Guid>("select security_stamp from users where user_id = $1", seller.UserId)).Should().NotBe(stampBefore);
    }

    [Fact]
    public async Task Nobody_deactivates_themselves()
    {
        var owner = await app.Seed.TenantAsync();
        var admin = await app.Seed.ActiveAsync(owner, Roles.Admin);

        var self = () => app.SendAsync(admin, new DeactivateUser(admin.UserId, "me voy"));

        (await self.Should().ThrowAsync<DomainException>()).Which.Code.Should().Be("cannot-deactivate-self");
    }

    [Fact]
    public async Task An_admin_cannot_deactivate_an_owner_and_the_owner_stays_active()
    {
        var owner = await app.Seed.TenantAsync();
        var admin = await app.Seed.ActiveAsync(owner, Roles.Admin);

        var deactivate = () => app.SendAsync(admin, new DeactivateUser(owner.UserId, "golpe"));

        await deactivate.Should().ThrowAsync<AccessDeniedException>();
        (await app.SendAsync(admin, new GetUser(owner.TenantId, owner.UserId)))!.Status.Should().Be("active");
    }

    [Fact]
    public async Task A_deactivated_user_can_no_longer_act()
    {
        var owner = await app.Seed.TenantAsync();
        var admin = await app.Seed.ActiveAsync(owner, Roles.Admin);
        var seller = await app.Seed.ActiveAsync(owner, Roles.Sales);
        await app.SendAsync(owner, new DeactivateUser(admin.UserId, "salida"));

        // Even with a token that still says admin, the acting user's current row decides.
        var act = () => app.SendAsync(admin, new ChangeUserRole(seller.UserId, Roles.Viewer));

        await act.Should().ThrowAsync<AccessDeniedException>();
    }

    private Task AddSessionAsync(Member member) => app.ExecuteAsync("""
        insert into sessions (tenant_id, session_id, user_id, security_stamp, created_at, refreshed_at, expires_at)
        values ($1, $2, $3, gen_random_uuid(), now(), now(), now() + interval '30 days')
        """, member.TenantId, Guid.CreateVersion7(), member.UserId);
}

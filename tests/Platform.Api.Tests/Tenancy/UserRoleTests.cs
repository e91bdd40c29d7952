using Platform.Read.Tenancy;
using Platform.Write.Domain;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Api.Tests.Tenancy;

[Collection(TenancyCollection.Name)]
public sealed class UserRoleTests(TenancyApp app)
{
    [Fact]
    public async Task An_admin_changes_a_role_and_the_row_follows_the_stream_version()
    {
        var owner = await app.Seed.TenantAsync();
        var admin = await app.Seed.ActiveAsync(owner, Roles.Admin);
        var seller = await app.Seed.ActiveAsync(owner, Roles.Sales);

        var version = await app.SendAsync(admin, new ChangeUserRole(seller.UserId, Roles.Analyst, ExpectedVersion: 2));

        version.Should().Be(3);
        (await app.SendAsync(owner, new GetUser(owner.TenantId, seller.UserId))).Should().BeEquivalentTo(new { Role = "analyst", Version = 3L });
        var metadataUser = await app.ScalarAsync<string>(
            "select metadata->>'userId' from events where tenant_id = $1 and stream_id = $2 and version = 3",
            owner.TenantId, TenancyEvents.UserStream(seller.UserId));
        metadataUser.Should().Be(admin.UserId.ToString());
    }

    [Fact]
    public async Task A_stale_expected_version_is_refused_and_the_role_stays()
    {
        var owner = await app.Seed.TenantAsync();
        var seller = await app.Seed.ActiveAsync(owner, Roles.Sales);
        await app.SendAsync(owner, new ChangeUserRole(seller.UserId, Roles.Viewer, ExpectedVersion: 2));

        var stale = () => app.SendAsync(owner, new ChangeUserRole(seller.UserId, Roles.Admin, ExpectedVersion: 2));

        (await stale.Should().ThrowAsync<WrongExpectedVersionException>()).Which.ActualVersion.Should().Be(3);
        (await app.SendAsync(owner, new GetUser(owner.TenantId, seller.UserId)))!.Role.Should().Be(Roles.Viewer);
    }

    [Fact]
    public async Task Only_an_owner_grants_or_removes_owner()
    {
        var owner = await app.Seed.TenantAsync();
        var admin = await app.Seed.ActiveAsync(owner, Roles.Admin);
        var seller = await app.Seed.ActiveAsync(owner, Roles.Sales);

        var grant = () => app.SendAsync(admin, new ChangeUserRole(seller.UserId, Roles.Owner));
        await grant.Should().ThrowAsync<AccessDeniedException>();
        var remove = () => app.SendAsync(admin, new ChangeUserRole(owner.UserId, Roles.Admin));
        await remove.Should().ThrowAsync<AccessDeniedException>();

        await app.SendAsync(owner, new ChangeUserRole(seller.UserId, Roles.Owner));
        (await app.SendAsync(owner, new GetUser(owner.TenantId, seller.UserId)))!.Role.Should().Be(Roles.Owner);
    }

    [Fact]
    public async Task The_last_active_owner_cannot_be_demoted_but_one_of_two_can()
    {
        var owner = await app.Seed.TenantAsync();

        var alone = () => app.SendAsync(owner, new ChangeUserRole(owner.UserId, Roles.Admin));
        (await alone.Should().ThrowAsync<DomainException>()).Which.Code.Should().Be("last-owner");

        var second = await app.Seed.ActiveAsync(owner, Roles.Owner);
        await app.SendAsync(second, new ChangeUserRole(owner.UserId, Roles.Admin));
        (await app.SendAsync(second, new GetUser(owner.TenantId, owner.UserId)))!.Role.Should().Be(Roles.Admin);

        var now = () => app.SendAsync(second, new ChangeUserRole(second.UserId, Roles.Admin));
        (await now.Should().ThrowAsync<DomainException>()).Which.Code.Should().Be("last-owner");
    }

    [Fact]
    public async Task An_invited_owner_does_not_count_as_an_active_owner()
    {
        var owner = await app.Seed.TenantAsync();
        await app.Seed.InvitedAsync(owner, Roles.Owner);

        var demote = () => app.SendAsync(owner, new ChangeUserRole(owner.UserId, Roles.Admin));

        (await demote.Should().ThrowAsync<DomainException>()).Which.Code.Should().Be("last-owner");
    }

    [Fact]
    public async Task A_demoted_owner_cannot_use_an_older_owner_token_to_grant_ownership()
    {
        var owner = await app.Seed.TenantAsync();
        var second = await app.Seed.ActiveAsync(owner, Roles.Owner);
        var seller = await app.Seed.ActiveAsync(owner, Roles.Sales);
        await app.SendAsync(owner, new ChangeUserRole(second.UserId, Roles.Admin));

        // `second` still signs in with the owner role it had; the decision uses the role it holds now.
        var grant = () => app.SendAsync(second, new ChangeUserRole(seller.UserId, Roles.Owner));

        await grant.Should().ThrowAsync<AccessDeniedException>();
    }
}

using Platform.Read.Paging;
using Platform.Read.Tenancy;
using Platform.Write.Domain;
using Platform.Write.Tenancy;

namespace Platform.Api.Tests.Tenancy;

[Collection(TenancyCollection.Name)]
public sealed class TenantActivationTests(TenancyApp app)
{
    [Fact]
    public async Task A_deactivated_tenant_is_blocked_until_its_owner_reactivates_it()
    {
        var owner = await app.Seed.TenantAsync();
        var admin = await app.Seed.ActiveAsync(owner, Roles.Admin);

        await app.SendAsync(owner, new DeactivateTenant("cierre por vacaciones"));

        (await app.TenantStatusAsync(owner.TenantId)).Should().Be("deactivated");
        var list = () => app.SendAsync(admin, new ListUsers(owner.TenantId, PageRequest.Of(null, null)));
        (await list.Should().ThrowAsync<DomainException>()).Which.Code.Should().Be("tenant-deactivated");
        var invite = () => app.SendAsync(owner, new InviteUser("nuevo@example.com", Roles.Sales));
        (await invite.Should().ThrowAsync<DomainException>()).Which.Code.Should().Be("tenant-deactivated");
        (await app.SendAsync(admin, new GetTenant())).Status.Should().Be("deactivated");

        var byAdmin = () => app.SendAsync(admin, new ReactivateTenant());
        await byAdmin.Should().ThrowAsync<AccessDeniedException>();
        await app.SendAsync(owner, new ReactivateTenant());

        (await app.SendAsync(admin, new ListUsers(owner.TenantId, PageRequest.Of(null, null)))).Items.Should().HaveCount(2);
        (await app.SendAsync(owner, new GetTenant())).Should().BeEquivalentTo(new { Status = "active", Version = 3L });
    }

    [Fact]
    public async Task Only_the_owner_deactivates_the_tenant_and_a_reason_is_required()
    {
        var owner = await app.Seed.TenantAsync();
        var admin = await app.Seed.ActiveAsync(owner, Roles.Admin);

        var byAdmin = () => app.SendAsync(admin, new DeactivateTenant("no"));
        await byAdmin.Should().ThrowAsync<AccessDeniedException>();
        var noReason = () => app.SendAsync(owner, new DeactivateTenant(" "));
        (await noReason.Should().ThrowAsync<FluentValidation.ValidationException>()).Which.Errors.Should().ContainSingle(e => e.PropertyName == "reason");

        (await app.TenantStatusAsync(owner.TenantId)).Should().Be("active");
    }

    [Fact]
    public async Task Invitations_of_a_deactivated_tenant_cannot_be_accepted()
    {
        var owner = await app.Seed.TenantAsync();
        var (_, issued) = await app.Seed.InvitedAsync(owner, Roles.Sales);
        await app.SendAsync(owner, new DeactivateTenant("cierre"));

        var accept = () => app.SendAnonymousAsync(new AcceptInvitation(issued.Token, "Ana", TenantSeed.Password));

        (await accept.Should().ThrowAsync<DomainException>()).Which.Code.Should().Be("tenant-deactivated");
    }
}

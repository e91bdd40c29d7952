using Platform.Read.Paging;
using Platform.Read.Tenancy;
using Platform.Write.Domain;
using Platform.Write.Tenancy;

namespace Platform.Api.Tests.Tenancy;

[Collection(TenancyCollection.Name)]
public sealed class CrossTenantTests(TenancyApp app)
{
    [Fact]
    public async Task Another_tenants_user_is_not_found_exactly_like_a_missing_one()
    {
        var ownerA = await app.Seed.TenantAsync();
        var sellerA = await app.Seed.ActiveAsync(ownerA, Roles.Sales);
        var ownerB = await app.Seed.TenantAsync();

        foreach (var id in new[] { sellerA.UserId, ownerA.UserId, Guid.CreateVersion7() })
        {
            (await app.SendAsync(ownerB, new GetUser(ownerB.TenantId, id))).Should().BeNull();
            var role = () => app.SendAsync(ownerB, new ChangeUserRole(id, Roles.Viewer));
            (await role.Should().ThrowAsync<NotFoundException>()).Which.Message.Should().Be("No encontramos el usuario.");
            var deactivate = () => app.SendAsync(ownerB, new DeactivateUser(id, "ajeno"));
            (await deactivate.Should().ThrowAsync<NotFoundException>()).Which.Message.Should().Be("No encontramos el usuario.");
        }

        (await app.SendAsync(ownerA, new GetUser(ownerA.TenantId, sellerA.UserId))).Should().BeEquivalentTo(new { Role = "sales", Status = "active", Version = 2L });
    }

    [Fact]
    public async Task The_user_list_holds_only_the_tenants_own_users()
    {
        var ownerA = await app.Seed.TenantAsync();
        await app.Seed.InvitedAsync(ownerA, Roles.Sales);
        var ownerB = await app.Seed.TenantAsync();

        var page = await app.SendAsync(ownerB, new ListUsers(ownerB.TenantId, PageRequest.Of(100, null)));

        page.Items.Select(u => u.UserId).Should().Equal(ownerB.UserId);
    }
}

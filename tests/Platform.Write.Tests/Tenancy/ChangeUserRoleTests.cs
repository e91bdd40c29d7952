using Platform.Write.Domain;
using Platform.Write.Tenancy;

namespace Platform.Write.Tests.Tenancy;

public sealed class ChangeUserRoleTests
{
    private static readonly Guid Seller = Guid.CreateVersion7();

    private static UserState ActiveSeller() => Given.User(Given.Invited(Seller), new InvitationAccepted(Seller, "Vendedor"))!;

    [Fact]
    public void An_admin_changes_a_sellers_role()
    {
        var events = User.Decide(ActiveSeller(), new User.ChangeRole(Roles.Viewer, Given.Admin, ActiveOwners: 1));

        events.Should().Equal(new UserRoleChanged(Seller, Roles.Sales, Roles.Viewer));
    }

    [Fact]
    public void The_same_role_again_changes_nothing()
    {
        User.Decide(ActiveSeller(), new User.ChangeRole(Roles.Sales, Given.Admin, 1)).Should().BeEmpty();
    }

    [Fact]
    public void An_admin_cannot_grant_owner()
    {
        var decide = () => User.Decide(ActiveSeller(), new User.ChangeRole(Roles.Owner, Given.Admin, 1));

        decide.Should().Throw<AccessDeniedException>();
    }

    [Fact]
    public void An_admin_cannot_remove_an_owner()
    {
        var decide = () => User.Decide(Given.User(Given.RegisteredOwner()), new User.ChangeRole(Roles.Admin, Given.Admin, ActiveOwners: 2));

        decide.Should().Throw<AccessDeniedException>();
    }

    [Fact]
    public void The_last_active_owner_cannot_be_demoted()
    {
        var decide = () => User.Decide(Given.User(Given.RegisteredOwner()), new User.ChangeRole(Roles.Admin, Given.Owner, ActiveOwners: 1));

        decide.Should().Throw<DomainException>().Which.Code.Should().Be("last-owner");
    }

    [Fact]
    public void An_owner_can_be_demoted_while_another_owner_remains()
    {
        var events = User.Decide(Given.User(Given.RegisteredOwner()), new User.ChangeRole(Roles.Admin, Given.Owner, ActiveOwners: 2));

        events.Should().Equal(new UserRoleChanged(Given.OwnerId, Roles.Owner, Roles.Admin));
    }

    [Fact]
    public void A_deactivated_user_keeps_their_role()
    {
        var state = Given.User(Given.Invited(Seller), new UserDeactivated(Seller, null));

        var decide = () => User.Decide(state, new User.ChangeRole(Roles.Viewer, Given.Owner, 1));

        decide.Should().Throw<ConflictException>().Which.Code.Should().Be("user-deactivated");
    }

    [Fact]
    public void A_user_with_no_history_is_not_found()
    {
        var decide = () => User.Decide(null, new User.ChangeRole(Roles.Viewer, Given.Owner, 1));

        decide.Should().Throw<NotFoundException>();
    }
}

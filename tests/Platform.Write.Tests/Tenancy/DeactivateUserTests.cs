using Platform.Write.Domain;
using Platform.Write.Tenancy;

namespace Platform.Write.Tests.Tenancy;

public sealed class DeactivateUserTests
{
    private static readonly Guid Seller = Guid.CreateVersion7();

    [Fact]
    public void An_active_user_is_deactivated_with_the_reason()
    {
        var state = Given.User(Given.Invited(Seller), new InvitationAccepted(Seller, "Vendedor"));

        User.Decide(state, new User.Deactivate("dejó la empresa", Given.Admin, 1)).Should().Equal(new UserDeactivated(Seller, "dejó la empresa"));
    }

    [Fact]
    public void A_pending_invitation_can_be_withdrawn_by_deactivating()
    {
        User.Decide(Given.User(Given.Invited(Seller)), new User.Deactivate("error", Given.Admin, 1)).Should().ContainSingle();
    }

    [Fact]
    public void Nobody_deactivates_themselves()
    {
        var decide = () => User.Decide(Given.User(Given.RegisteredOwner()), new User.Deactivate("salgo", Given.Owner, ActiveOwners: 2));

        decide.Should().Throw<DomainException>().Which.Code.Should().Be("cannot-deactivate-self");
    }

    [Fact]
    public void The_last_active_owner_cannot_be_deactivated()
    {
        var otherOwner = new Actor(Guid.CreateVersion7(), Roles.Owner);

        var decide = () => User.Decide(Given.User(Given.RegisteredOwner()), new User.Deactivate("x", otherOwner, ActiveOwners: 1));

        decide.Should().Throw<DomainException>().Which.Code.Should().Be("last-owner");
    }

    [Fact]
    public void An_admin_cannot_deactivate_an_owner()
    {
        var decide = () => User.Decide(Given.User(Given.RegisteredOwner()), new User.Deactivate("x", Given.Admin, ActiveOwners: 2));

        decide.Should().Throw<AccessDeniedException>();
    }

    [Fact]
    public void Deactivating_a_deactivated_user_changes_nothing()
    {
        var state = Given.User(Given.Invited(Seller), new UserDeactivated(Seller, null));

        User.Decide(state, new User.Deactivate("otra vez", Given.Admin, 1)).Should().BeEmpty();
    }
}

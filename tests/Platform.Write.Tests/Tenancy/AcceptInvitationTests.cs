using Platform.Write.Domain;
using Platform.Write.Tenancy;

namespace Platform.Write.Tests.Tenancy;

public sealed class AcceptInvitationTests
{
    private static readonly Guid Invitee = Guid.CreateVersion7();

    [Fact]
    public void An_invited_user_accepts_with_a_display_name()
    {
        var events = User.Decide(Given.User(Given.Invited(Invitee)), new User.AcceptInvitation("Ana Pérez"));

        events.Should().Equal(new InvitationAccepted(Invitee, "Ana Pérez"));
    }

    [Fact]
    public void Accepting_makes_the_user_active_with_the_invited_role()
    {
        var state = Given.User(Given.Invited(Invitee, Roles.Viewer), new InvitationAccepted(Invitee, "Ana Pérez"));

        state.Should().Be(new UserState(Invitee, $"{Invitee:N}@example.com", "Ana Pérez", Roles.Viewer, UserStatuses.Active));
    }

    [Fact]
    public void An_invitation_cannot_be_accepted_twice()
    {
        var state = Given.User(Given.Invited(Invitee), new InvitationAccepted(Invitee, "Ana"));

        var decide = () => User.Decide(state, new User.AcceptInvitation("Otra Ana"));

        decide.Should().Throw<DomainException>().Which.Code.Should().Be("invalid-invitation");
    }

    [Fact]
    public void A_deactivated_invitee_cannot_accept()
    {
        var state = Given.User(Given.Invited(Invitee), new UserDeactivated(Invitee, "error"));

        var decide = () => User.Decide(state, new User.AcceptInvitation("Ana"));

        decide.Should().Throw<DomainException>().Which.Code.Should().Be("invalid-invitation");
    }

    [Fact]
    public void Nobody_to_accept_is_the_same_invalid_invitation()
    {
        var decide = () => User.Decide(null, new User.AcceptInvitation("Ana"));

        decide.Should().Throw<DomainException>().Which.Code.Should().Be("invalid-invitation");
    }
}

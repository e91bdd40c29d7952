using Platform.Write.Domain;
using Platform.Write.Tenancy;

namespace Platform.Write.Tests.Tenancy;

public sealed class InviteUserTests
{
    private static readonly Guid NewUser = Guid.CreateVersion7();

    [Fact]
    public void An_invitation_records_the_address_the_role_and_who_invited()
    {
        var events = User.Decide(null, new User.Invite(NewUser, "ana@example.com", Roles.Sales, Given.Admin, Plans.Basic, SeatsTaken: 1));

        events.Should().Equal(new UserInvited(NewUser, "ana@example.com", Roles.Sales, Given.Admin.UserId));
    }

    [Fact]
    public void An_invited_user_is_pending_with_no_name_yet()
    {
        var state = Given.User(new UserInvited(NewUser, "ana@example.com", Roles.Sales, Given.OwnerId));

        state.Should().Be(new UserState(NewUser, "ana@example.com", "", Roles.Sales, UserStatuses.Invited));
    }

    [Fact]
    public void An_admin_cannot_invite_an_owner()
    {
        var decide = () => User.Decide(null, new User.Invite(NewUser, "ana@example.com", Roles.Owner, Given.Admin, Plans.Basic, 1));

        decide.Should().Throw<AccessDeniedException>();
    }

    [Fact]
    public void An_owner_can_invite_an_owner()
    {
        var events = User.Decide(null, new User.Invite(NewUser, "ana@example.com", Roles.Owner, Given.Owner, Plans.Basic, 1));

        events.Should().ContainSingle().Which.Should().BeOfType<UserInvited>().Which.Role.Should().Be(Roles.Owner);
    }

    [Fact]
    public void A_full_basic_plan_refuses_a_sixth_seat_naming_the_limit()
    {
        var decide = () => User.Decide(null, new User.Invite(NewUser, "ana@example.com", Roles.Sales, Given.Owner, Plans.Basic, SeatsTaken: 5));

        var error = decide.Should().Throw<PlanLimitReachedException>().Which;
        error.Code.Should().Be("plan-limit-reached");
        error.Kind.Should().Be(DomainErrorKind.Rule);
        error.Details.Should().BeEquivalentTo(new Dictionary<string, object?> { ["plan"] = "basic", ["resource"] = "users", ["limit"] = 5 });
    }

    [Fact]
    public void The_fifth_seat_of_a_basic_plan_is_still_free()
    {
        User.Decide(null, new User.Invite(NewUser, "ana@example.com", Roles.Sales, Given.Owner, Plans.Basic, SeatsTaken: 4))
            .Should().ContainSingle();
    }

    [Fact]
    public void Enterprise_has_no_seat_limit()
    {
        User.Decide(null, new User.Invite(NewUser, "ana@example.com", Roles.Sales, Given.Owner, Plans.Enterprise, SeatsTaken: 100_000))
            .Should().ContainSingle();
    }

    [Fact]
    public void A_user_id_that_already_has_a_history_cannot_be_invited()
    {
        var decide = () => User.Decide(Given.User(Given.Invited(NewUser)), new User.Invite(NewUser, "x@example.com", Roles.Sales, Given.Owner, Plans.Pro, 1));

        decide.Should().Throw<ConflictException>();
    }
}

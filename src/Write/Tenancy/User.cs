namespace Platform.Write.Tenancy;

public sealed record UserState(Guid UserId, string Email, string DisplayName, string Role, string Status)
{
    public bool IsActiveOwner => Role == Roles.Owner && Status == UserStatuses.Active;
}

public static class UserStatuses
{
    /// <summary>Invited, not yet accepted: holds a seat of the plan, has no password, cannot sign in.</summary>
    public const string Invited = "invited";
    public const string Active = "active";
    public const string Deactivated = "deactivated";
}

/// <summary>Who is acting on a user: the signed-in user and the role they hold now.</summary>
public sealed record Actor(Guid UserId, string Role)
{
    public bool IsOwner => Role == Roles.Owner;
}

/// <summary>A tenant's user: its state is a fold of the user's stream; decisions are pure.</summary>
public static class User
{
    public abstract record Command;

    /// <summary><paramref name="SeatsTaken"/>: the tenant's active and invited users now.</summary>
    public sealed record Invite(Guid UserId, string Email, string Role, Actor By, Plan Plan, long SeatsTaken) : Command;

    public sealed record AcceptInvitation(string DisplayName) : Command;

    /// <summary><paramref name="ActiveOwners"/>: the tenant's active owners now, this user included.</summary>
    public sealed record ChangeRole(string Role, Actor By, long ActiveOwners) : Command;

    public sealed record Deactivate(string? Reason, Actor By, long ActiveOwners) : Command;

    public static UserState? Evolve(UserState? state, object @event) => (state, @event) switch
    {
        (null, UserRegistered r) => new UserState(r.UserId, r.Email, r.DisplayName, r.Role, UserStatuses.Active),
        (null, UserInvited i) => new UserState(i.UserId, i.Email, "", i.Role, UserStatuses.Invited),
        ({ } s, InvitationAccepted a) => s with { DisplayName = a.DisplayName, Status = UserStatuses.Active },
        ({ } s, UserRoleChanged c) => s with { Role = c.To },
        ({ } s, UserDeactivated) => s with { Status = UserStatuses.Deactivated },
        _ => state,
    };

    public static UserState? Fold(IEnumerable<object> events) => events.Aggregate((UserState?)null, Evolve);

    /// <summary>The events the command causes; none when the user already is as asked.</summary>
    public static IReadOnlyList<object> Decide(UserState? state, Command command) => command switch
    {
        Invite c => DecideInvite(state, c),
        AcceptInvitation c => state is { Status: UserStatuses.Invited }
            ? [new InvitationAccepted(state.UserId, c.DisplayName)]
            : throw TenancyErrors.InvalidInvitation(),
        ChangeRole c => DecideRole(state ?? throw TenancyErrors.UserNotFound(), c),
        Deactivate c => DecideDeactivate(state ?? throw TenancyErrors.UserNotFound(), c),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command?.GetType().Name, "Not a user command."),
    };

    private static IReadOnlyList<object> DecideInvite(UserState? state, Invite command)
    {
        if (state is not null) throw TenancyErrors.UserExists();
        if (command.Role == Roles.Owner && !command.By.IsOwner) throw TenancyErrors.OwnerRequired();
        command.Plan.EnsureRoom(PlanResources.Users, command.SeatsTaken);
        return [new UserInvited(command.UserId, command.Email, command.Role, command.By.UserId)];
    }

    private static IReadOnlyList<object> DecideRole(UserState state, ChangeRole command)
    {
        if (state.Status == UserStatuses.Deactivated) throw TenancyErrors.UserDeactivated();
        if (state.Role == command.Role) return [];
        if ((state.Role == Roles.Owner || command.Role == Roles.Owner) && !command.By.IsOwner) throw TenancyErrors.OwnerRequired();
        if (state.IsActiveOwner && command.ActiveOwners <= 1) throw TenancyErrors.LastOwner();
        return [new UserRoleChanged(state.UserId, state.Role, command.Role)];
    }

    private static IReadOnlyList<object> DecideDeactivate(UserState state, Deactivate command)
    {
        if (state.Status == UserStatuses.Deactivated) return [];
        if (state.UserId == command.By.UserId) throw TenancyErrors.CannotDeactivateSelf();
        if (state.Role == Roles.Owner && !command.By.IsOwner) throw TenancyErrors.OwnerRequired();
        if (state.IsActiveOwner && command.ActiveOwners <= 1) throw TenancyErrors.LastOwner();
        return [new UserDeactivated(state.UserId, command.Reason)];
    }
}

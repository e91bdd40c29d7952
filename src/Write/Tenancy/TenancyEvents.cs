using Platform.Write.EventStore;
using Platform.Write.Privacy;

namespace Platform.Write.Tenancy;

/// <summary>A business signed up: the tenant and its owner exist from here on.</summary>
public sealed record TenantRegistered(
    Guid TenantId, string Name, string Slug, string Country, string TimeZone, string Currency, string Industry,
    string Plan, Guid OwnerUserId);

public sealed record TenantSettingsChanged(string Name, string Country, string TimeZone, string Currency, string Industry);

public sealed record TenantPlanChanged(string From, string To);

public sealed record TenantDeactivated(string Reason);

public sealed record TenantReactivated;

/// <summary>A person got an account: the owner at sign-up.</summary>
public sealed record UserRegistered([DataSubject] Guid UserId, [PersonalData] string Email, [PersonalData] string DisplayName, string Role);

public sealed record UserInvited([DataSubject] Guid UserId, [PersonalData] string Email, string Role, Guid InvitedBy);

public sealed record InvitationAccepted([DataSubject] Guid UserId, [PersonalData] string DisplayName);

public sealed record UserRoleChanged(Guid UserId, string From, string To);

public sealed record UserDeactivated(Guid UserId, string? Reason);

/// <summary>The password was replaced through a reset token; every session before it ended.</summary>
public sealed record UserPasswordReset(Guid UserId);

public static class TenancyEvents
{
    /// <summary>A tenant's own stream; one per tenant, since streams are already keyed by tenant.</summary>
    public const string TenantStream = "tenant";

    public static string UserStream(Guid userId) => $"user-{userId:D}";

    public static EventTypeRegistry RegisterTenancy(this EventTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .Register<TenantRegistered>("tenancy.tenant-registered.v1")
            .Register<TenantSettingsChanged>("tenancy.tenant-settings-changed.v1")
            .Register<TenantPlanChanged>("tenancy.tenant-plan-changed.v1")
            .Register<TenantDeactivated>("tenancy.tenant-deactivated.v1")
            .Register<TenantReactivated>("tenancy.tenant-reactivated.v1")
            .Register<UserRegistered>("tenancy.user-registered.v1")
            .Register<UserInvited>("tenancy.user-invited.v1")
            .Register<InvitationAccepted>("tenancy.invitation-accepted.v1")
            .Register<UserRoleChanged>("tenancy.user-role-changed.v1")
            .Register<UserDeactivated>("tenancy.user-deactivated.v1")
            .Register<UserPasswordReset>("tenancy.user-password-reset.v1");
    }
}

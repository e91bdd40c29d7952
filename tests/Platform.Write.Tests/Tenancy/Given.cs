using Platform.Write.Tenancy;

namespace Platform.Write.Tests.Tenancy;

/// <summary>Histories the decider tests start from, as the events that made them.</summary>
internal static class Given
{
    public static readonly Guid TenantId = Guid.CreateVersion7();
    public static readonly Guid OwnerId = Guid.CreateVersion7();
    public static readonly Actor Owner = new(OwnerId, Roles.Owner);
    public static readonly Actor Admin = new(Guid.CreateVersion7(), Roles.Admin);

    public static TenantRegistered Registered(string plan = "basic") =>
        new(TenantId, "Autos del Norte", "autos-del-norte", "MX", "America/Monterrey", "MXN", "dealership", plan, OwnerId);

    public static TenantState? Tenant(params object[] events) => Write.Tenancy.Tenant.Fold(events);

    public static UserState? User(params object[] events) => Write.Tenancy.User.Fold(events);

    public static UserInvited Invited(Guid userId, string role = Roles.Sales) => new(userId, $"{userId:N}@example.com", role, OwnerId);

    public static UserRegistered RegisteredOwner() => new(OwnerId, "duena@example.com", "Dueña", Roles.Owner);

    public static IReadOnlyDictionary<string, long> Usage(long users) => new Dictionary<string, long> { [PlanResources.Users] = users };
}

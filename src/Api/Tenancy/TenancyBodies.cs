namespace Platform.Api.Tenancy;

// Request bodies hold only what the caller may choose. The tenant, the caller and their role come
// from the principal, the user id from the route, the expected version from If-Match; a member
// such as tenantId or role-of-caller in a body is skipped as unknown.

internal sealed record TenantSettingsBody(string? Name, string? Country, string? TimeZone, string? Currency, string? Industry);

internal sealed record PlanBody(string? Plan);

internal sealed record ReasonBody(string? Reason);

internal sealed record InviteBody(string? Email, string? Role);

internal sealed record AcceptBody(string? Token, string? DisplayName, string? Password);

internal sealed record RoleBody(string? Role);

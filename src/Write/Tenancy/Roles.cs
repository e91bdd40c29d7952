namespace Platform.Write.Tenancy;

/// <summary>
/// The roles a tenant's user can hold. Commands and queries declare the roles they allow with
/// <c>[Authorize(Roles = "owner,admin")]</c>; a start-up check refuses names not listed here.
/// </summary>
public static class Roles
{
    public const string Owner = "owner";
    public const string Admin = "admin";
    public const string Sales = "sales";
    public const string Viewer = "viewer";
    public const string Auditor = "auditor";
    public const string Analyst = "analyst";

    public static IReadOnlyList<string> All { get; } = [Owner, Admin, Sales, Viewer, Auditor, Analyst];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}

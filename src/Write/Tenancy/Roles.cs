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

    /// <summary>
    /// The platform's operators: no tenant user can hold it (it is not in <see cref="All"/>), and a
    /// principal with it has no tenant. Requests declare it to be reachable by operators.
    /// </summary>
    public const string PlatformAdmin = "platform-admin";

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}

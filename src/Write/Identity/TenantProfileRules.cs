using System.Text.RegularExpressions;
using Platform.Write.Tenancy;

namespace Platform.Write.Identity;

/// <summary>What a tenant's slug may be at sign-up (its other fields: <see cref="TenancyRules"/>, shared with the settings).</summary>
public static partial class TenantProfileRules
{
    public const int SlugMinLength = 3;
    public const int SlugMaxLength = 40;

    /// <summary>Slugs that name the platform's own hosts and paths, not a business.</summary>
    public static IReadOnlySet<string> ReservedSlugs { get; } = new HashSet<string>(
    [
        "api", "admin", "network", "www", "app", "auth", "login", "logout", "signup", "register", "account", "accounts",
        "static", "assets", "cdn", "mail", "email", "smtp", "support", "help", "status", "docs", "openapi", "swagger",
        "health", "public", "platform", "system", "root", "tenant", "tenants", "user", "users", "settings", "billing",
        "mqtt", "devices", "search", "catalog", "null", "undefined",
    ], StringComparer.Ordinal);

    public static bool IsSlugShaped(string? slug) => slug is not null && SlugPattern().IsMatch(slug);

    public static bool IsReservedSlug(string? slug) => slug is not null && ReservedSlugs.Contains(slug);

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}

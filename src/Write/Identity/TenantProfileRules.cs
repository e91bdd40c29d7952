using System.Text.RegularExpressions;
using Platform.Write.Tenancy;

namespace Platform.Write.Identity;

/// <summary>What a tenant's slug and time zone may be at sign-up (names and industries: <see cref="TenancyRules"/>).</summary>
public static partial class TenantProfileRules
{
    public const int SlugMinLength = 3;
    public const int SlugMaxLength = 40;
    public const int TimeZoneMaxLength = 64;

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

    /// <summary>An IANA zone this machine knows ("America/Bogota"). The shape check keeps paths away from the zone files.</summary>
    public static bool IsTimeZone(string? zone) =>
        zone is { Length: > 0 and <= TimeZoneMaxLength } && TimeZonePattern().IsMatch(zone)
        && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _);

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeZonePattern();
}

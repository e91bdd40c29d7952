using System.Text.RegularExpressions;

namespace Platform.Write.Tenancy;

/// <summary>IANA time zone names ("America/Bogota", "UTC") that this machine's tz database holds, spelled exactly.</summary>
public static partial class TimeZoneIds
{
    public const int MaxLength = 64;

    // Files of the zone directory that name no place: this machine's own zone, a rules template,
    // a placeholder, and two other trees of the same zones.
    private static readonly string[] NotZones = ["localtime", "posixrules", "Factory"];
    private static readonly string[] NotZoneTrees = ["posix/", "right/"];

    /// <remarks>
    /// The shape check keeps paths away from the zone files. The spelling must be the zone's own:
    /// .NET finds a zone in any case once it has loaded it, so "america/bogota" would pass or fail
    /// by chance. IANA names only: .NET also answers Windows ids such as "UTC-11", which readers of
    /// the tz database (PostgreSQL among them) take as a POSIX rule, with the opposite sign.
    /// </remarks>
    public static bool IsKnown(string? zone) =>
        zone is { Length: > 0 and <= MaxLength } && ZonePattern().IsMatch(zone)
        && !NotZones.Contains(zone, StringComparer.Ordinal)
        && !NotZoneTrees.Any(tree => zone.StartsWith(tree, StringComparison.Ordinal))
        && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found)
        && found.HasIanaId && string.Equals(found.Id, zone, StringComparison.Ordinal);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ZonePattern();
}

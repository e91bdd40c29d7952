using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Projections.Daemon;

/// <summary>
/// Names derived from a projection's name and version. Read tables carry the version
/// (<c>counter_totals_v1</c>) so version N+1 can be built beside version N.
/// </summary>
public static partial class ProjectionIdentity
{
    /// <summary>The versioned identity: <c>counter-totals.v1</c>.</summary>
    public static string Of(IProjection projection)
    {
        ArgumentNullException.ThrowIfNull(projection);
        return Of(projection.Name, projection.Version);
    }

    public static string Of(string name, int version)
    {
        if (name is null || !NamePattern().IsMatch(name))
            throw new ArgumentException($"'{name}' is not a kebab-case projection name such as 'counter-totals'.", nameof(name));
        if (version < 1) throw new ArgumentOutOfRangeException(nameof(version), version, "A projection version is 1 or more.");
        return string.Create(CultureInfo.InvariantCulture, $"{name}.v{version}");
    }

    /// <summary>
    /// The versioned table name. Only lower-case letters, digits and underscores pass, so the result
    /// can be written into SQL text safely.
    /// </summary>
    public static string Table(string baseName, int version)
    {
        if (baseName is null || !TablePattern().IsMatch(baseName))
            throw new ArgumentException($"'{baseName}' is not a snake_case table name such as 'counter_totals'.", nameof(baseName));
        if (version < 1) throw new ArgumentOutOfRangeException(nameof(version), version, "A projection version is 1 or more.");
        var table = string.Create(CultureInfo.InvariantCulture, $"{baseName}_v{version}");
        // PostgreSQL cuts identifiers at 63 bytes; two versions could otherwise meet in one table.
        return table.Length <= 63 ? table : throw new ArgumentException($"'{table}' is longer than 63 characters.", nameof(baseName));
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex TablePattern();
}
